package org.gpkg311.generator.common;

import org.gpkg311.generator.Generator;

/** The facts every generator states about itself, held once instead of overrides in every class. */
public abstract class GeneratorBase implements Generator {

    private final String name;
    private final String version;
    private final String summary;
    private final String headlineColumn;

    protected GeneratorBase(String name, String version, String summary, String headlineColumn) {
        this.name = name;
        this.version = version;
        this.summary = summary;
        this.headlineColumn = headlineColumn;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final String headlineColumn() {
        return headlineColumn;
    }
}

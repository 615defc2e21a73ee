package org.gpkg311.generator.common;

import org.gpkg311.generator.Generator;

/** The three facts every generator states about itself, held once instead of three overrides per class. */
public abstract class GeneratorBase implements Generator {

    private final String name;
    private final String version;
    private final String summary;

    protected GeneratorBase(String name, String version, String summary) {
        this.name = name;
        this.version = version;
        this.summary = summary;
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
}

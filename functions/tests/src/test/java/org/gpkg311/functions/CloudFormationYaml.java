package org.gpkg311.functions;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads a CloudFormation/SAM template. Its short-form intrinsic functions (!Ref, !Sub, !GetAtt …) are YAML
 * tags that a plain loader rejects; here each becomes its long form, e.g. {@code !Ref X} → {@code {Ref: X}}
 * and {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}}, as CloudFormation itself reads them. {@link #load}
 * also expands {@code Fn::ForEach} (the AWS::LanguageExtensions transform) as CloudFormation does before SAM
 * sees the template; {@link #loadUnexpanded} keeps it.
 */
final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of("Ref", "Condition", "Sub", "GetAtt", "Join", "If", "Equals",
            "Select", "Split", "FindInMap", "ImportValue", "Not", "And", "Or", "Base64", "Cidr", "GetAZs", "Transform");

    private CloudFormationYaml() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) throws IOException {
        return (Map<String, Object>) expand(loadUnexpanded(file), Map.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> loadUnexpanded(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml(new Constructor()).load(r);
        }
    }

    /**
     * Replaces every {@code Fn::ForEach::Name: [Identifier, [values…], {key: template}]} entry of a mapping by one
     * copy of its mapping per value, with {@code ${Identifier}} and {@code &{Identifier}} replaced in keys and strings.
     */
    @SuppressWarnings("unchecked")
    private static Object expand(Object node, Map<String, String> bound) {
        if (node instanceof String s) {
            for (var b : bound.entrySet()) s = s.replace("${" + b.getKey() + "}", b.getValue()).replace("&{" + b.getKey() + "}", b.getValue());
            return s;
        }
        if (node instanceof List<?> l) return l.stream().map(v -> expand(v, bound)).toList();
        if (!(node instanceof Map<?, ?> m)) return node;
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : ((Map<String, Object>) m).entrySet()) {
            if (!e.getKey().startsWith("Fn::ForEach::")) {
                Object key = expand(e.getKey(), bound);
                if (out.put((String) key, expand(e.getValue(), bound)) != null) throw new IllegalStateException("duplicate key " + key);
                continue;
            }
            List<Object> loop = (List<Object>) e.getValue();
            String identifier = (String) loop.get(0);
            for (Object value : (List<Object>) loop.get(1)) {
                Map<String, String> inner = new LinkedHashMap<>(bound);
                inner.put(identifier, (String) value);
                Map<String, Object> copy = (Map<String, Object>) expand(loop.get(2), inner);
                for (var c : copy.entrySet()) {
                    if (out.put(c.getKey(), c.getValue()) != null) throw new IllegalStateException("duplicate key " + c.getKey());
                }
            }
        }
        return out;
    }

    private static final class Constructor extends SafeConstructor {
        Constructor() {
            super(new LoaderOptions());
            for (String f : FUNCTIONS) yamlConstructors.put(new Tag("!" + f), new Intrinsic(f));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;
            private final String name;

            Intrinsic(String name) {
                this.name = name;
                this.key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                    String text = constructScalar(s);
                    value = name.equals("GetAtt") ? Arrays.asList(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode s) {
                    value = constructSequence(s);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(key, value);
                return m;
            }
        }
    }
}

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
 * and {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}}, as CloudFormation itself reads them.
 */
final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of("Ref", "Condition", "Sub", "GetAtt", "Join", "If", "Equals",
            "Select", "Split", "FindInMap", "ImportValue", "Not", "And", "Or", "Base64", "Cidr", "GetAZs", "Transform");

    private CloudFormationYaml() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml(new Constructor()).load(r);
        }
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

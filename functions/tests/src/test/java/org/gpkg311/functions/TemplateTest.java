package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.Generators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads template.yaml: least privilege, no trigger loop, the public policy, the retry wiring, the schedule and the ingest. */
class TemplateTest {

    /** The eleven generators, as generators.md names them. */
    static final List<String> GENERATORS = List.of("serviceEfficiency", "geographicPatterns", "temporalPatterns",
            "peakHourConsistency", "requestVolatility", "timeBasedClusters", "serviceTypeInsights", "trendDirection",
            "predictiveHotspots", "capacityPlanning", "optimizationOpportunities");

    private static final String BUCKET_ARN = "arn:${AWS::Partition}:s3:::${BucketName}";

    static Path repo() {
        String p = System.getProperty("gpkg311.repo");
        assertNotNull(p, "gpkg311.repo is set by the pom");
        return Path.of(p);
    }

    private static Map<String, Object> resources;

    @BeforeAll
    static void load() throws IOException {
        resources = map(CloudFormationYaml.load(repo().resolve("template.yaml")).get("Resources"));
    }

    @Test
    void everyGeneratorHasAFunctionAndWritesOnlyRunsAndThePublicSet() {
        Map<String, String> seen = new LinkedHashMap<>();
        for (var e : functions().entrySet()) {
            Map<String, Object> props = map(map(e.getValue()).get("Properties"));
            String generator = (String) map(map(props.get("Environment")).get("Variables")).get("GENERATOR_NAME");
            if (generator == null) continue;
            seen.put(generator, e.getKey());
            // staging under runs/, and the commit of the whole set (any generator may be the one that completes the run)
            assertEquals(List.of(BUCKET_ARN + "/runs/*", BUCKET_ARN + "/gpkg-public/*"), s3WriteResources(e.getKey(), props),
                    e.getKey() + " may write only runs/ and gpkg-public/");
            assertEquals("org.gpkg311.functions.GeneratorHandler::handleRequest", props.get("Handler"));
        }
        assertEquals(new TreeSet<>(GENERATORS), new TreeSet<>(seen.keySet()));
    }

    @Test
    void fanOutWritesOnlyRunsAndInvokesExactlyTheGenerators() throws IOException {
        Map<String, Object> props = map(map(resources.get("FanOutFunction")).get("Properties"));
        assertEquals(List.of(BUCKET_ARN + "/runs/*"), s3WriteResources("FanOutFunction", props));
        assertEquals(1, props.get("ReservedConcurrentExecutions"));

        String functionsJson = sub(map(map(props.get("Environment")).get("Variables")).get("GENERATOR_FUNCTIONS"));
        Map<String, String> fns = FunctionSettings.functions(functionsJson);
        assertEquals(GENERATORS, List.copyOf(fns.keySet()));
        List<String> invokable = new ArrayList<>();
        for (Map<String, Object> st : statements("FanOutFunction", props)) {
            if (actions(st).contains("lambda:InvokeFunction")) resourcesOf(st).forEach(invokable::add);
        }
        List<String> expected = fns.values().stream()
                .map(f -> "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + f).toList();
        assertEquals(expected, invokable);
    }

    @Test
    void noFunctionHasWildcardsOrPolicyTemplates() {
        for (var e : functions().entrySet()) {
            Map<String, Object> props = map(map(e.getValue()).get("Properties"));
            for (Map<String, Object> st : statements(e.getKey(), props)) {
                for (String a : actions(st)) {
                    assertFalse(a.equals("*") || a.endsWith(":*"), e.getKey() + " grants " + a);
                }
                for (String r : resourcesOf(st)) assertFalse(r.equals("*"), e.getKey() + " grants on every resource");
            }
        }
    }

    @Test
    void onlyGpkgPublicIsPublic() {
        int publicStatements = 0;
        for (var e : resources.entrySet()) {
            Map<String, Object> res = map(e.getValue());
            if (!"AWS::S3::BucketPolicy".equals(res.get("Type"))) continue;
            for (Object o : list(map(map(map(res.get("Properties")).get("PolicyDocument"))).get("Statement"))) {
                Map<String, Object> st = map(o);
                if (!"*".equals(st.get("Principal")) && !Map.of("AWS", "*").equals(st.get("Principal"))) continue;
                publicStatements++;
                assertEquals("Allow", st.get("Effect"));
                assertEquals(List.of("s3:GetObject"), actions(st));
                assertEquals(List.of(BUCKET_ARN + "/gpkg-public/*"), resourcesOf(st));
            }
        }
        assertEquals(1, publicStatements);
    }

    @Test
    void theNewDataRuleCanNeverSeeOurOwnWrites() {
        Map<String, Object> pattern = map(map(map(resources.get("NewDataRule")).get("Properties")).get("EventPattern"));
        assertEquals(List.of("aws.s3"), pattern.get("source"));
        assertEquals(List.of("Object Created"), pattern.get("detail-type"));
        List<String> prefixes = new ArrayList<>();
        for (Object k : list(map(map(pattern.get("detail")).get("object")).get("key"))) {
            Object p = map(k).get("prefix");
            assertTrue(p instanceof String, "only prefix matches: " + k);
            prefixes.add((String) p);
        }
        assertFalse(prefixes.isEmpty());
        for (String p : prefixes) {
            for (String own : List.of("runs/", "gpkg-public/")) {
                assertFalse(own.startsWith(p) || p.startsWith(own), "rule prefix " + p + " would match our own " + own);
            }
        }
    }

    @Test
    void retriesAndFailuresGoSomewhere() {
        Map<String, Object> fanOut = map(map(resources.get("FanOutFunction")).get("Properties"));
        Map<String, Object> sqsEvent = map(map(map(fanOut.get("Events")).get("NewDataOrSchedule")).get("Properties"));
        assertEquals(List.of("ReportBatchItemFailures"), sqsEvent.get("FunctionResponseTypes"));
        assertTrue(((Integer) sqsEvent.get("MaximumBatchingWindowInSeconds")) > 0);
        Map<String, Object> queue = map(map(resources.get("NewDataQueue")).get("Properties"));
        assertTrue((Integer) queue.get("VisibilityTimeout") >= 6 * (Integer) fanOut.get("Timeout"), "visibility >= 6 x timeout");
        assertNotNull(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"));

        for (var e : functions().entrySet()) {
            Map<String, Object> props = map(map(e.getValue()).get("Properties"));
            if (e.getKey().equals("FanOutFunction")) continue;
            Map<String, Object> onFailure = map(map(map(props.get("EventInvokeConfig")).get("DestinationConfig")).get("OnFailure"));
            assertEquals("SQS", onFailure.get("Type"), e.getKey());
            String failures = e.getKey().equals("IngestFunction") ? "IngestDeadLetterQueue" : "GeneratorFailureQueue";
            assertEquals(Map.of("Fn::GetAtt", List.of(failures, "Arn")), onFailure.get("Destination"), e.getKey());
        }
    }

    @Test
    void theDailyScheduleInvokesOnlyTheIngestWhichReadsItsInput() throws IOException {
        Map<String, Object> schedule = map(map(resources.get("DailySchedule")).get("Properties"));
        Map<String, Object> target = map(schedule.get("Target"));
        assertEquals(Map.of("Ref", "IngestFunction.Alias"), target.get("Arn"));
        assertEquals(Map.of("Fn::GetAtt", List.of("IngestDeadLetterQueue", "Arn")), map(target.get("DeadLetterConfig")).get("Arn"));
        // The scheduler's input means "now" to the ingest, and the fanOut still takes it (a manual invoke with it).
        Instant now = Instant.parse("2025-11-25T12:00:00Z");
        assertEquals(now, IngestHandler.asOf(JSON.readTree((String) target.get("Input")), Clock.fixed(now, ZoneOffset.UTC)));
        Trigger t = new TriggerParser("s3://b", List.of("raw/", "reference/")).parse(JSON.readTree((String) target.get("Input")));
        assertTrue(t instanceof Trigger.Scheduled, String.valueOf(t));

        // The scheduler's role may invoke the ingest and reach its dead-letter queue, nothing else.
        List<Object> granted = new ArrayList<>();
        for (Object p : list(map(map(resources.get("SchedulerRole")).get("Properties")).get("Policies"))) {
            for (Object st : list(map(map(p).get("PolicyDocument")).get("Statement"))) {
                granted.add(List.of(actions(map(st)), map(st).get("Resource")));
            }
        }
        assertEquals(List.of(List.of(List.of("lambda:InvokeFunction"), Map.of("Ref", "IngestFunction.Alias")),
                List.of(List.of("sqs:SendMessage"), Map.of("Fn::GetAtt", List.of("IngestDeadLetterQueue", "Arn")))), granted);

        // Only S3 (through EventBridge) feeds the fanOut's queue now.
        List<Object> principals = new ArrayList<>();
        Map<String, Object> policy = map(map(map(resources.get("NewDataQueuePolicy")).get("Properties")).get("PolicyDocument"));
        for (Object o : list(policy.get("Statement"))) {
            assertEquals(List.of("sqs:SendMessage"), actions(map(o)));
            principals.add(map(map(o).get("Principal")).get("Service"));
        }
        assertEquals(List.of("events.amazonaws.com"), principals);
    }

    @Test
    void theIngestListsReadsAndWritesOnlyRaw311() {
        Map<String, Object> props = map(map(resources.get("IngestFunction")).get("Properties"));
        assertEquals("org.gpkg311.functions.IngestHandler::handleRequest", props.get("Handler"));
        assertEquals("functions/ingest", props.get("CodeUri"));
        Map<String, List<String>> byAction = new LinkedHashMap<>();
        List<Object> listPrefixes = new ArrayList<>();
        for (Map<String, Object> st : statements("IngestFunction", props)) {
            for (String a : actions(st)) byAction.computeIfAbsent(a, k -> new ArrayList<>()).addAll(resourcesOf(st));
            if (actions(st).contains("s3:ListBucket")) listPrefixes.add(map(map(st.get("Condition")).get("StringLike")).get("s3:prefix"));
        }
        assertEquals(Map.of("s3:ListBucket", List.of(BUCKET_ARN), "s3:GetObject", List.of(BUCKET_ARN + "/raw/311/*"),
                "s3:PutObject", List.of(BUCKET_ARN + "/raw/311/*")), byAction);
        assertEquals(List.of(List.of("raw/311/*")), listPrefixes);
    }

    @Test
    void noFunctionOtherThanTheIngestWritesUnderRaw() {
        for (var e : functions().entrySet()) {
            if (e.getKey().equals("IngestFunction")) continue;
            for (String r : s3WriteResources(e.getKey(), map(map(e.getValue()).get("Properties")))) {
                assertTrue(r.startsWith(BUCKET_ARN + "/") && !r.equals(BUCKET_ARN + "/*") && !r.startsWith(BUCKET_ARN + "/raw"),
                        e.getKey() + " may write " + r);
            }
        }
    }

    @Test
    void theElevenGeneratorFunctionsComeFromOneDefinition() throws IOException {
        Map<String, Object> raw = map(CloudFormationYaml.loadUnexpanded(repo().resolve("template.yaml")).get("Resources"));
        List<Object> loop = list(raw.get("Fn::ForEach::Generators"));
        List<String> names = Generators.all().stream().map(Generator::name).toList();
        assertEquals(names, loop.get(1), "the ForEach collection is the generators of the code, in order");
        assertEquals(GENERATORS, names);
        String text = Files.readString(repo().resolve("template.yaml"));
        assertEquals(1, text.split("GeneratorHandler::handleRequest", -1).length - 1, "one generator function block");
        List<Object> transforms = list(CloudFormationYaml.loadUnexpanded(repo().resolve("template.yaml")).get("Transform"));
        assertEquals(List.of("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"), transforms);
        // CloudFormation refuses a template with the language extensions unless the deploy grants AUTO_EXPAND.
        String samconfig = Files.readString(repo().resolve("samconfig.toml"));
        assertTrue(samconfig.matches("(?s).*\\ncapabilities = \"[^\"]*CAPABILITY_AUTO_EXPAND[^\"]*\".*"), samconfig);
    }

    @Test
    void everyEventFileIsUsedByATest() throws IOException {
        String tests = Files.readString(repo().resolve("functions/tests/src/test/java/org/gpkg311/functions/EventFilesTest.java"));
        try (Stream<Path> files = Files.list(repo().resolve("events"))) {
            for (Path f : files.toList()) {
                assertTrue(tests.contains("\"events/" + f.getFileName() + "\""), f.getFileName() + " is used by no test");
            }
        }
    }

    // --- reading the template

    private static Map<String, Object> functions() {
        Map<String, Object> out = new LinkedHashMap<>();
        resources.forEach((k, v) -> {
            if ("AWS::Serverless::Function".equals(map(v).get("Type"))) out.put(k, v);
        });
        assertEquals(13, out.size(), "fanOut, ingest and eleven generators");
        return out;
    }

    /** Hand-written statements only: a SAM policy template (a string or a one-key map) fails the test. */
    private static List<Map<String, Object>> statements(String function, Map<String, Object> props) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object p : list(props.get("Policies"))) {
            Map<String, Object> doc = p instanceof Map<?, ?> ? map(p) : null;
            if (doc == null || !doc.containsKey("Statement")) fail(function + " uses a policy that is not hand-written: " + p);
            for (Object s : list(doc.get("Statement"))) out.add(map(s));
        }
        return out;
    }

    private static List<String> s3WriteResources(String function, Map<String, Object> props) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> st : statements(function, props)) {
            assertEquals("Allow", st.get("Effect"), "no Deny tricks needed");
            boolean writes = actions(st).stream().anyMatch(a -> a.startsWith("s3:Put") || a.startsWith("s3:Delete")
                    || a.startsWith("s3:Abort") || a.startsWith("s3:Restore") || a.startsWith("s3:Replicate") || a.equals("s3:*"));
            if (writes) out.addAll(resourcesOf(st));
        }
        return out;
    }

    private static List<String> actions(Map<String, Object> st) {
        Object a = st.get("Action");
        return a instanceof String s ? List.of(s) : list(a).stream().map(String.class::cast).toList();
    }

    private static List<String> resourcesOf(Map<String, Object> st) {
        Object r = st.get("Resource");
        if (r instanceof List<?> l) return l.stream().map(TemplateTest::sub).toList();
        return List.of(sub(r));
    }

    /** A literal string or the text of a Fn::Sub without variables map. */
    private static String sub(Object v) {
        if (v instanceof String s) return s;
        Object s = map(v).get("Fn::Sub");
        if (s instanceof String str) return str;
        throw new AssertionError("unexpected resource form: " + v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) throw new AssertionError("expected a mapping, got " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (!(o instanceof List)) throw new AssertionError("expected a list, got " + o);
        return (List<Object>) o;
    }

    static final ObjectMapper JSON = new ObjectMapper();
}

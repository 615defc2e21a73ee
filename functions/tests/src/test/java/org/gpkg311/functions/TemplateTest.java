package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads template.yaml: least privilege, no trigger loop, the public policy and the retry wiring. */
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
    void everyGeneratorHasAFunctionAndWritesOnlyItsOwnPrefix() {
        Map<String, String> seen = new LinkedHashMap<>();
        for (var e : functions().entrySet()) {
            Map<String, Object> props = map(map(e.getValue()).get("Properties"));
            String generator = (String) map(map(props.get("Environment")).get("Variables")).get("GENERATOR_NAME");
            if (generator == null) continue;
            seen.put(generator, e.getKey());
            assertEquals(List.of(BUCKET_ARN + "/gpkg-public/" + generator + "/*"), s3WriteResources(e.getKey(), props),
                    e.getKey() + " may write only gpkg-public/" + generator + "/");
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
            assertEquals(Map.of("Fn::GetAtt", List.of("GeneratorFailureQueue", "Arn")), onFailure.get("Destination"));
        }
    }

    @Test
    void theDailyScheduleGoesThroughTheQueueAndTheFanOutReadsItsInput() throws IOException {
        Map<String, Object> target = map(map(map(resources.get("DailySchedule")).get("Properties")).get("Target"));
        assertEquals(Map.of("Fn::GetAtt", List.of("NewDataQueue", "Arn")), target.get("Arn"));
        // The message body the scheduler puts on the queue, as the fan-out receives it in an SQS record.
        var record = JSON.createObjectNode().put("messageId", "s1").put("eventSource", "aws:sqs").put("body", (String) target.get("Input"));
        var event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        Trigger t = new TriggerParser("s3://b", List.of("raw/", "reference/")).parse(JSON.readTree(JSON.writeValueAsString(event)));
        assertEquals(Trigger.Kind.SCHEDULE, ((Trigger.SqsBatch) t).messages().get(0).kind());

        List<Object> principals = new ArrayList<>();
        Map<String, Object> policy = map(map(map(resources.get("NewDataQueuePolicy")).get("Properties")).get("PolicyDocument"));
        for (Object o : list(policy.get("Statement"))) {
            assertEquals(List.of("sqs:SendMessage"), actions(map(o)));
            principals.add(map(map(o).get("Principal")).get("Service"));
        }
        assertEquals(List.of("events.amazonaws.com", "scheduler.amazonaws.com"), principals);
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
        assertEquals(12, out.size(), "fanOut and eleven generators");
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

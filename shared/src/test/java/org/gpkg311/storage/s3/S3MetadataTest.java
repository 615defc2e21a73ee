package org.gpkg311.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class S3MetadataTest {

    @Test
    void namesBecomeLowerCaseTokensAndValuesPlainAscii() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("runId", "20251124T120000Z-abc");
        in.put("window.start", "2025-08-25");
        in.put("city", "Nashville–Davidson\nTN é");
        Map<String, String> out = S3Metadata.sanitize(in);
        assertEquals(List.of("run-id", "window-start", "city"), List.copyOf(out.keySet()));
        assertEquals("20251124T120000Z-abc", out.get("run-id"));
        // en dash and é are not ASCII: '?'; the line break becomes a space.
        assertEquals("Nashville?Davidson TN ?", out.get("city"));
    }

    @Test
    void keepsTheFirstFactsWithinTwoKilobytes() {
        Map<String, String> in = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) in.put("fact" + i, "x".repeat(100));
        Map<String, String> out = S3Metadata.sanitize(in);
        int bytes = out.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        assertTrue(bytes <= 2048, "total " + bytes);
        // fact0..fact9 are 5 + 100 bytes each (1050), fact10.. are 106 each: 1050 + 9*106 = 2004, a tenth would be 2110.
        assertEquals(19, out.size());
        assertTrue(out.containsKey("fact0") && out.containsKey("fact18"));
        assertFalse(out.containsKey("fact19"));
    }

    @Test
    void longValuesAreCutAndEmptyNamesDropped() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("note", "y".repeat(1000));
        in.put("!!!", "dropped");
        Map<String, String> out = S3Metadata.sanitize(in);
        assertEquals(Map.of("note", "y".repeat(256)), out);
    }
}

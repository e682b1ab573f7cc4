package org.wslab.lab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The shared definitions hold what they promise, so a command's schema that uses them can fail. */
class CommonSchemaTest {

    @Test
    void aFailureReportNeedsItsKindRuleAndLine() {
        String good = "{\"command\":\"echo\",\"url\":\"ws://h/\",\"failure\":{\"kind\":\"refused\",\"rule\":null,"
                + "\"section\":null,\"line\":\"connection refused by h:80\"},\"exitCode\":2}";
        assertEquals(java.util.List.of(), JsonSchemas.problems("failure", good));
        String noLine = good.replace(",\"line\":\"connection refused by h:80\"", "");
        assertFalse(JsonSchemas.problems("failure", noLine).isEmpty(), noLine);
        String exitOne = good.replace("\"exitCode\":2", "\"exitCode\":1");
        assertFalse(JsonSchemas.problems("failure", exitOne).isEmpty(), exitOne);
        String emptyRule = good.replace("\"rule\":null", "\"rule\":\"\"");
        assertEquals(java.util.List.of(), JsonSchemas.problems("failure", emptyRule)); // rule is free text here
    }

    @Test
    void notJsonIsAProblem() {
        assertFalse(JsonSchemas.problems("failure", "wslab: refused").isEmpty());
    }
}

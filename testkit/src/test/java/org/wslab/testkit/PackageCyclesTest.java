package org.wslab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {

    // a two-package loop and a three-package loop are each found once, a chain hanging off them is not
    @Test
    void findsEachStronglyConnectedComponentOfMoreThanOnePackage() {
        Map<String, Set<String>> edges = Map.of(
                "a", Set.of("a.b"), "a.b", Set.of("a", "c"),
                "c", Set.of("d"), "d", Set.of("e"), "e", Set.of("c", "f"), "f", Set.of());
        List<Set<String>> cycles = PackageCycles.cycles(edges);
        assertEquals(2, cycles.size(), cycles.toString());
        assertTrue(cycles.contains(Set.of("a", "a.b")));
        assertTrue(cycles.contains(Set.of("c", "d", "e")));
        assertEquals(List.of("a -> a.b, a.b -> a"), PackageCycles.render(edges, List.of(Set.of("a", "a.b"))));
    }

    @Test
    void aChainHasNoCycle() {
        assertEquals(List.of(), PackageCycles.cycles(Map.of("a", Set.of("b"), "b", Set.of("c"))));
    }

    // JVMS §4.4: a class's own package and the packages of the types it names are in its constant pool
    @Test
    void readsThePackagesAClassFileNames() throws Exception {
        byte[] bytes;
        try (InputStream in = PackageCycles.class.getResourceAsStream("PackageCycles.class")) {
            bytes = in.readAllBytes();
        }
        assertEquals(Set.of("org.wslab.testkit"), ClassFileReferences.packages(bytes, "org.wslab"));
        assertTrue(ClassFileReferences.packages(bytes, "java").contains("java.nio.file"));
    }

    // arrows point one way only, between this module's packages too
    @Test
    void testkitHasNoPackageCycle() {
        assertEquals(List.of(), PackageCycles.inClassesOf(Props.class, "org.wslab"));
    }
}

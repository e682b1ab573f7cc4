package org.wslab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Package cycles among compiled classes: the package graph (an edge where a class of one package
 * refers to another package, read by {@link ClassFileReferences}) and its strongly connected
 * components of more than one package (Tarjan's algorithm). DESIGN.md's rule "arrows point one way
 * only" holds for packages as for modules when this finds none.
 */
public final class PackageCycles {
    private PackageCycles() {
    }

    /**
     * The cycles among the packages under {@code prefix} in the classes directory or jar that
     * {@code anchor} was loaded from (a module's {@code target/classes} in a build), each cycle
     * rendered as its edges ({@code a -> b}); empty when there are none.
     */
    public static List<String> inClassesOf(Class<?> anchor, String prefix) {
        try {
            Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            Map<String, Set<String>> edges = graph(where, prefix);
            return render(edges, cycles(edges));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The package graph of the class files under {@code where} (a directory or a jar). */
    public static Map<String, Set<String>> graph(Path where, String prefix) throws IOException {
        if (Files.isDirectory(where)) {
            return graphOfTree(where, prefix);
        }
        try (FileSystem jar = FileSystems.newFileSystem(where)) {
            return graphOfTree(jar.getPath("/"), prefix);
        }
    }

    private static Map<String, Set<String>> graphOfTree(Path root, String prefix) throws IOException {
        Map<String, Set<String>> edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.equals("module-info.class") || relative.endsWith("/package-info.class")
                        || !relative.contains("/")) {
                    continue;
                }
                String own = relative.substring(0, relative.lastIndexOf('/')).replace('/', '.');
                Set<String> to = edges.computeIfAbsent(own, k -> new TreeSet<>());
                for (String p : ClassFileReferences.packages(Files.readAllBytes(file), prefix)) {
                    if (!p.equals(own)) {
                        to.add(p);
                    }
                }
            }
        }
        return edges;
    }

    /** The strongly connected components of more than one package, each sorted, in a stable order. */
    public static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        return new Tarjan(edges).run();
    }

    /** Each cycle as one line of its edges in name order, e.g. {@code org.a -> org.a.b, org.a.b -> org.a}. */
    public static List<String> render(Map<String, Set<String>> edges, List<Set<String>> cycles) {
        List<String> out = new ArrayList<>();
        for (Set<String> cycle : cycles) {
            List<String> inside = new ArrayList<>();
            for (String from : new TreeSet<>(cycle)) {
                for (String to : new TreeSet<>(edges.getOrDefault(from, Set.of()))) {
                    if (cycle.contains(to)) {
                        inside.add(from + " -> " + to);
                    }
                }
            }
            out.add(String.join(", ", inside));
        }
        return out;
    }

    /** Tarjan's strongly connected components; recursion depth is at most the number of packages. */
    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> found = new ArrayList<>();

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        List<Set<String>> run() {
            for (String v : new TreeSet<>(edges.keySet())) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return found;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : edges.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    found.add(component);
                }
            }
        }
    }
}

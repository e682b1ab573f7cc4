package org.wslab.testkit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages a compiled class refers to, read from its constant pool (JVMS 17 §4.4): every class
 * name, descriptor and signature a class file uses is a {@code CONSTANT_Utf8} entry, so the
 * internal names found in those entries ({@code org/wslab/stomp/StompRule},
 * {@code Lorg/wslab/stomp/StompRule;}) are what it depends on — the edges {@code jdeps} reports,
 * read without a bytecode library (Java 17 has no {@code java.lang.classfile}).
 */
public final class ClassFileReferences {
    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileReferences() {
    }

    /**
     * The packages (dotted, e.g. {@code org.wslab.stomp}) of names under {@code prefix} (dotted, e.g.
     * {@code org.wslab}) that the class file {@code bytes} mentions, its own package included.
     */
    public static Set<String> packages(byte[] bytes, String prefix) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(prefix.replace('.', '/')) + "(/[A-Za-z0-9_$]+)+");
        Set<String> found = new TreeSet<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file (JVMS §4.1: magic 0xCAFEBABE)");
        }
        in.readUnsignedShort(); // minor_version
        in.readUnsignedShort(); // major_version
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> { // CONSTANT_Utf8
                    Matcher m = name.matcher(in.readUTF());
                    while (m.find()) {
                        String internal = m.group();
                        found.add(internal.substring(0, internal.lastIndexOf('/')).replace('/', '.'));
                    }
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4); // Integer, Float, refs, NameAndType, dynamic
                case 5, 6 -> { // Long, Double: 8 bytes and two slots (JVMS §4.4.5)
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return found;
    }
}

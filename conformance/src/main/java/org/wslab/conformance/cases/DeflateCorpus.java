package org.wslab.conformance.cases;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The five kinds of payload Autobahn 12.x compresses (a JSON document, a 512×512 grey bitmap,
 * German prose, an HTML page, a PDF), each written here from a fixed seed rather than shipped:
 * the same shapes, repetition and entropy, and Autobahn's sizes, so that compression ratios are
 * alike. JSON and HTML are ASCII (sent as text, any cut is UTF-8); the German text has umlauts,
 * so, as in Autobahn, it goes as binary. Built on first use, once.
 */
enum DeflateCorpus {
    JSON("a JSON document", false, 194_056),
    BITMAP("a 512×512 8-bit grey BMP picture", true, 263_222),
    GERMAN("German prose (UTF-8)", true, 222_218),
    HTML("an HTML page", false, 263_527),
    PDF("a PDF with compressed streams", true, 1_042_328);

    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "river", "stone", "window", "garden",
        "market", "silver", "orange", "north", "harbor", "signal", "paper", "engine", "winter", "yellow", "forest",
        "bridge", "letter", "number", "quiet", "rapid", "simple", "golden", "little", "open", "close", "green"};
    private static final String[] GERMAN_WORDS = {"und", "der", "die", "das", "ich", "nicht", "mit", "Herz", "Welt",
        "Nacht", "Geist", "über", "schön", "Mädchen", "müssen", "Träume", "Blüte", "Stunde", "Himmel", "Erde",
        "Grüße", "Tür", "Wälder", "fröhlich", "hören", "Liebe", "sehen", "weiß", "Straße", "Glück", "Lied", "doch"};

    private final String description;
    private final boolean binary;
    private final int size;
    private byte[] bytes;

    DeflateCorpus(String description, boolean binary, int size) {
        this.description = description;
        this.binary = binary;
        this.size = size;
    }

    /** The corpus in words, with its kind and size, as Autobahn titles its 12.x groups. */
    String description() {
        return description + " (" + (binary ? "binary" : "text") + ", " + size + " bytes)";
    }

    boolean binary() {
        return binary;
    }

    /** The bytes, built on first call. */
    synchronized byte[] bytes() {
        if (bytes == null) {
            Random r = new Random(0x7692L + ordinal());
            byte[] b = switch (this) {
                case JSON -> ascii(json(r));
                case BITMAP -> bitmap(r);
                case GERMAN -> german(r).getBytes(StandardCharsets.UTF_8);
                case HTML -> ascii(html(r));
                case PDF -> pdf(r);
            };
            bytes = java.util.Arrays.copyOf(b, size);
        }
        return bytes;
    }

    private static byte[] ascii(StringBuilder s) {
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    private StringBuilder json(Random r) {
        StringBuilder s = new StringBuilder("[\n");
        for (int id = 1; s.length() < size; id++) {
            String first = word(r);
            s.append("  {\n    \"id\": ").append(id).append(",\n    \"name\": \"").append(first).append(' ').append(word(r))
                    .append("\",\n    \"email\": \"").append(first).append(r.nextInt(100)).append("@example.org\",\n")
                    .append("    \"active\": ").append(r.nextBoolean()).append(",\n    \"balance\": ")
                    .append(r.nextInt(100_000) / 100.0).append(",\n    \"tags\": [\"").append(word(r)).append("\", \"")
                    .append(word(r)).append("\"],\n    \"location\": {\"lat\": ").append(r.nextInt(180_000) / 1000.0 - 90)
                    .append(", \"lon\": ").append(r.nextInt(360_000) / 1000.0 - 180).append("},\n    \"friends\": [");
            for (int f = 0, n = r.nextInt(4); f < n; f++) {
                s.append(f == 0 ? "" : ", ").append("{\"id\": ").append(r.nextInt(id + 1)).append(", \"name\": \"")
                        .append(word(r)).append("\"}");
            }
            s.append("]\n  },\n");
        }
        return s;
    }

    private byte[] bitmap(Random r) {
        int w = 512;
        int h = 512;
        int pixelsAt = 14 + 40 + 256 * 4;
        byte[] b = new byte[pixelsAt + w * h];
        b[0] = 'B';
        b[1] = 'M';
        le32(b, 2, b.length);
        le32(b, 10, pixelsAt);
        le32(b, 14, 40);
        le32(b, 18, w);
        le32(b, 22, h);
        b[26] = 1; // planes
        b[28] = 8; // bits per pixel
        le32(b, 34, w * h);
        le32(b, 46, 256);
        for (int i = 0; i < 256; i++) { // grey palette: blue, green, red, reserved
            b[54 + 4 * i] = (byte) i;
            b[55 + 4 * i] = (byte) i;
            b[56 + 4 * i] = (byte) i;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) { // smooth shapes, a little grain
                double v = 128 + 60 * Math.sin(x / 37.0) * Math.cos(y / 23.0) + 40 * Math.sin(Math.hypot(x - 300, y - 200) / 19.0);
                b[pixelsAt + y * w + x] = (byte) Math.max(0, Math.min(255, (int) v + r.nextInt(9) - 4));
            }
        }
        return b;
    }

    private static void le32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private String german(Random r) {
        StringBuilder s = new StringBuilder();
        String[] speakers = {"DER WANDERER", "DIE WIRTIN", "DER CHOR", "DIE STIMME"};
        while (s.length() < size) { // bytes exceed chars: enough
            s.append(speakers[r.nextInt(speakers.length)]).append(":\n");
            for (int line = 0, lines = 2 + r.nextInt(6); line < lines; line++) {
                for (int i = 0, n = 4 + r.nextInt(5); i < n; i++) {
                    String g = GERMAN_WORDS[r.nextInt(GERMAN_WORDS.length)];
                    s.append(i == 0 ? Character.toUpperCase(g.charAt(0)) + g.substring(1) : " " + g);
                }
                s.append(r.nextInt(4) == 0 ? "!\n" : ",\n");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private StringBuilder html(Random r) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Catalogue</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n");
        for (int item = 1; s.length() < size; item++) {
            s.append("<div class=\"item\" id=\"item-").append(item).append("\">\n  <h2><a href=\"/items/").append(item)
                    .append("\">").append(word(r)).append(' ').append(word(r)).append("</a></h2>\n  <p>");
            for (int i = 0, n = 12 + r.nextInt(20); i < n; i++) {
                s.append(i == 0 ? "" : " ").append(word(r));
            }
            s.append(".</p>\n  <table class=\"facts\">\n");
            for (int row = 0, rows = 1 + r.nextInt(4); row < rows; row++) {
                s.append("    <tr><td class=\"key\">").append(word(r)).append("</td><td class=\"value\">")
                        .append(r.nextInt(10_000)).append("</td></tr>\n");
            }
            s.append("  </table>\n</div>\n");
        }
        return s;
    }

    private byte[] pdf(Random r) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size + 8192);
        out.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int obj = 1; out.size() < size; obj++) {
            if (obj % 3 == 0) { // a content stream already compressed: incompressible bytes
                byte[] stream = new byte[2048 + r.nextInt(8192)];
                r.nextBytes(stream);
                out.writeBytes((obj + " 0 obj\n<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(stream);
                out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.writeBytes((obj + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                        + (obj + 1) + " 0 R /Resources << /Font << /F1 " + (4 + r.nextInt(3)) + " 0 R >> >> >>\nendobj\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }
}

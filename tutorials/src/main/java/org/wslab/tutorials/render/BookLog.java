package org.wslab.tutorials.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Collects what Asciidoctor logs while a book renders (its {@link LogHandler}), so a render can
 * be judged: any warning or error fails it. Debug and info records are dropped.
 */
final class BookLog implements LogHandler {
    private final List<BookMessage> messages = new ArrayList<>();

    @Override
    public synchronized void log(LogRecord record) {
        Severity s = record.getSeverity();
        if (s == Severity.DEBUG || s == Severity.INFO) {
            return;
        }
        String where = null;
        if (record.getCursor() != null && record.getCursor().getFile() != null) {
            where = Path.of(record.getCursor().getFile()).getFileName() + ":" + record.getCursor().getLineNumber();
        }
        messages.add(new BookMessage(s.name(), where, record.getMessage()));
    }

    synchronized List<BookMessage> drain() {
        List<BookMessage> copy = List.copyOf(messages);
        messages.clear();
        return copy;
    }
}

package org.wslab.conformance.peer;

/**
 * How a batch of frames is cut into {@code write} calls, as Autobahn|Testsuite's "chops": the
 * server must decode the same frames however TCP delivers them (RFC 6455 §5.2 frames are a byte
 * stream, §5.4 fragments may arrive in any pieces).
 *
 * @param writeBytes bytes per write; 0 means one write for the whole batch, -1 one write per frame
 */
public record Chop(int writeBytes) {
    /** The whole batch in one write. */
    public static final Chop ONE_WRITE = new Chop(0);
    /** One write per frame. */
    public static final Chop PER_FRAME = new Chop(-1);
    /** One write per octet. */
    public static final Chop PER_OCTET = new Chop(1);

    public Chop {
        if (writeBytes < -1) {
            throw new IllegalArgumentException("writeBytes is -1, 0 or a size: " + writeBytes);
        }
    }

    /** Writes of {@code n} bytes. */
    public static Chop every(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a chop is at least one byte: " + n);
        }
        return new Chop(n);
    }

    @Override
    public String toString() {
        return switch (writeBytes) {
            case 0 -> "in one write";
            case -1 -> "one write per frame";
            case 1 -> "one write per octet";
            default -> "in writes of " + writeBytes + " bytes";
        };
    }
}

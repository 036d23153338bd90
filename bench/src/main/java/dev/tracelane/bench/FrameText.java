package dev.tracelane.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The few fields the live bench reads from server frames, found in their bytes rather than parsed as JSON: the
 * bench's own CPU shares the machine with the service it measures.
 */
final class FrameText {
    private static final ByteBuf TS = key("ts");
    private static final ByteBuf REF = key("ref");
    private static final ByteBuf COMMITTED_AT = key("committedAt");
    private static final ByteBuf POSITIONS = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("\"positions\":[",
            StandardCharsets.US_ASCII));

    private FrameText() {
    }

    /** A position update's shipment and reading time. */
    record Reading(String ref, Instant ts) {
    }

    /** The first position update of a frame (a batch's oldest), or null when it has none. */
    static Reading firstReading(ByteBuf frame) {
        return readings(frame, 1).stream().findFirst().orElse(null);
    }

    /** Every position update of a frame, in order. */
    static List<Reading> readings(ByteBuf frame) {
        return readings(frame, Integer.MAX_VALUE);
    }

    /**
     * The first {@code most} position updates: a batch's rows, or the updates that carry a {@code ts} after their
     * {@code ref} (status changes do not).
     */
    private static List<Reading> readings(ByteBuf frame, int most) {
        int rows = indexOf(frame, POSITIONS, frame.readerIndex());
        if (rows >= 0) {
            return rows(frame, rows + POSITIONS.readableBytes(), most);
        }
        List<Reading> readings = new ArrayList<>();
        int ref = indexOf(frame, REF, frame.readerIndex());
        while (ref >= 0 && readings.size() < most) {
            int next = indexOf(frame, REF, ref + 1);
            int ts = indexOf(frame, TS, ref);
            if (ts >= 0 && (next < 0 || ts < next)) {
                readings.add(new Reading(string(frame, ref + REF.readableBytes()),
                        Instant.parse(string(frame, ts + TS.readableBytes()))));
            }
            ref = next;
        }
        return readings;
    }

    /** A batch's position rows, {@code [seq,"ref","ts",...]} each, from just inside their array. */
    private static List<Reading> rows(ByteBuf frame, int from, int most) {
        List<Reading> readings = new ArrayList<>();
        int at = from;
        while (readings.size() < most && frame.getByte(at) == '[') {
            int ref = frame.indexOf(at, frame.writerIndex(), (byte) '"');
            int ts = frame.indexOf(frame.indexOf(ref + 1, frame.writerIndex(), (byte) '"') + 1, frame.writerIndex(),
                    (byte) '"');
            readings.add(new Reading(string(frame, ref), Instant.parse(string(frame, ts))));
            at = frame.indexOf(ts, frame.writerIndex(), (byte) ']') + 1;
            if (frame.getByte(at) == ',') {
                at++;
            }
        }
        return readings;
    }

    /** An ack's commit time, or null when it has none. */
    static Instant committedAt(ByteBuf ack) {
        int at = ByteBufUtil.indexOf(COMMITTED_AT, ack);
        return at < 0 ? null : Instant.parse(string(ack, at + COMMITTED_AT.readableBytes()));
    }

    private static int indexOf(ByteBuf frame, ByteBuf key, int from) {
        int found = ByteBufUtil.indexOf(key, frame.slice(from, frame.writerIndex() - from));
        return found < 0 ? -1 : from + found;
    }

    /** The string value that starts after {@code from}; the stored JSON may have a space before it. */
    private static String string(ByteBuf frame, int from) {
        int end = frame.writerIndex();
        int open = frame.indexOf(from, end, (byte) '"');
        int close = frame.indexOf(open + 1, end, (byte) '"');
        return frame.toString(open + 1, close - open - 1, StandardCharsets.UTF_8);
    }

    private static ByteBuf key(String name) {
        return Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("\"" + name + "\":", StandardCharsets.US_ASCII));
    }
}

package io.sesanalytics.tools.generate;

import io.sesanalytics.capture.CaptureStore;
import io.sesanalytics.raw.CaptureKeys;
import io.sesanalytics.raw.NdjsonGzip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes realistic synthetic SES captures in exactly the raw layout of the capture Lambda, through the
 * Lambda's own {@link CaptureKeys} and {@link NdjsonGzip}.
 *
 * <p>Each capture day holds {@code eventsPerDay} distinct SES sending events (configuration-set events and
 * identity-notification copies), grouped into invocations of at most {@code linesPerObject} sending-event
 * lines. On top of them come retried duplicates, malformed lines, receipt notifications and a few unparsed
 * lines, each in the object of its invocation.
 * The output depends only on the settings: every object is drawn from the seed and its own number, so any
 * thread count writes the same bytes.
 */
public final class SyntheticCaptures {
    private static final long OBJECT = 11;
    private static final long CAPTURE = 12;
    private static final long DAY = 13;
    private static final double DUPLICATE_RATE = 0.01;
    private static final double MALFORMED_RATE = 0.0005;
    private static final double RECEIVED_RATE = 0.05;
    private static final int UNPARSED_PER_DAY = 2;

    /**
     * What to generate.
     *
     * @param firstDay       first UTC capture day
     * @param days           number of consecutive capture days
     * @param eventsPerDay   distinct SES sending events per day, before duplicates and malformed lines
     * @param seed           same seed, same bytes
     * @param linesPerObject most sending-event lines in one object
     * @param threads        parallel writers; does not change the output
     */
    public record Settings(LocalDate firstDay, int days, int eventsPerDay, long seed, int linesPerObject, int threads) {
        public Settings {
            if (firstDay == null) {
                throw new IllegalArgumentException("firstDay is required");
            }
            positive("days", days);
            positive("eventsPerDay", eventsPerDay);
            positive("linesPerObject", linesPerObject);
            positive("threads", threads);
            if (days > 36_600) {
                throw new IllegalArgumentException("days must be at most 36600, got " + days);
            }
        }

        private static void positive(String field, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(field + " must be positive, got " + value);
            }
        }
    }

    /**
     * What was written. {@code notificationLines}, {@code receivedLines} and {@code unparsedLines} count every
     * line per folder; duplicates and malformed lines are part of {@code notificationLines}, and late lines
     * are the distinct events (not their duplicates) whose mail is days older than its capture.
     */
    public record Summary(long objects, long notificationLines, long receivedLines, long unparsedLines,
                          long duplicateLines, long lateLines, long malformedLines) {
        Summary plus(Summary o) {
            return new Summary(objects + o.objects, notificationLines + o.notificationLines,
                    receivedLines + o.receivedLines, unparsedLines + o.unparsedLines,
                    duplicateLines + o.duplicateLines, lateLines + o.lateLines, malformedLines + o.malformedLines);
        }
    }

    private SyntheticCaptures() {
    }

    public static Summary write(Settings settings, CaptureStore store, CaptureKeys keys) throws IOException {
        Layout layout = new Layout(settings);
        List<int[]> work = new ArrayList<>();
        for (Day day : layout.days) {
            for (int i = 0; i < day.objects; i++) {
                work.add(new int[] {day.index, i});
            }
        }
        Summary total = new Summary(0, 0, 0, 0, 0, 0, 0);
        if (settings.threads() == 1) {
            for (int[] item : work) {
                total = total.plus(layout.writeObject(layout.days[item[0]], item[1], store, keys));
            }
            return total;
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), task -> {
            Thread thread = new Thread(task, "synthetic-captures");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Summary>> results = new ArrayList<>(work.size());
            for (int[] item : work) {
                results.add(pool.submit(() -> layout.writeObject(layout.days[item[0]], item[1], store, keys)));
            }
            for (Future<Summary> result : results) {
                total = total.plus(result.get());
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing synthetic captures", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("writing synthetic captures failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One capture day: where each mail's lines start in the day's sequence of event lines. The sequence is cut
     * into {@code objects} nearly equal runs, one per invocation, captured at {@link Layout#capturedAt}.
     */
    private record Day(int index, LocalDate date, long epochDay, long startMs, int[] mailStart, int mails, int events,
                       int objects, int[] unparsedObjects) {
        int objectFrom(int object) {
            return (int) ((long) object * events / objects);
        }

        int objectOf(int line) {
            return (int) (((line + 1L) * objects + events - 1) / events - 1);
        }

        int mailAt(int line) {
            int found = Arrays.binarySearch(mailStart, 0, mails, line);
            return found >= 0 ? found : -found - 2;
        }

        long windowMs() {
            return Math.max(1, JsonText.DAY_MS / objects);
        }
    }

    private static final class Layout {
        private final Settings settings;
        private final SesEventFactory factory;
        private final ReceivedMailFactory received;
        private final OddLines odd;
        private final int capacity;
        private final Day[] days;

        Layout(Settings settings) {
            this.settings = settings;
            int lines = settings.linesPerObject();
            // Room left in every object for the duplicates and malformed lines that join it, with a margin
            // for their random counts.
            int reserve = lines >= 2 ? Math.max(1, (int) Math.ceil(lines * (DUPLICATE_RATE + MALFORMED_RATE) * 1.4)) : 0;
            this.capacity = Math.max(1, lines - reserve);
            this.factory = new SesEventFactory(settings.seed(),
                    (int) Math.min(50_000_000L, Math.max(1_000L, 2L * settings.eventsPerDay())));
            this.received = new ReceivedMailFactory(factory);
            this.odd = new OddLines(factory);
            this.days = new Day[settings.days()];
            for (int d = 0; d < days.length; d++) {
                days[d] = layOut(d);
            }
        }

        private Day layOut(int index) {
            LocalDate date = settings.firstDay().plusDays(index);
            long epochDay = date.toEpochDay();
            int events = settings.eventsPerDay();
            int[] starts = new int[Math.max(16, events / 2)];
            int mails = 0;
            int line = 0;
            while (line < events) {
                if (mails + 1 >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[mails] = line;
                line += factory.plan(epochDay, mails).size();
                mails++;
            }
            starts[mails] = line;
            starts = Arrays.copyOf(starts, mails + 1);
            int objects = (events + capacity - 1) / capacity;
            SplittableRandom r = new SplittableRandom(JsonText.mix(settings.seed(), epochDay, 0, DAY));
            int[] unparsed = new int[UNPARSED_PER_DAY];
            for (int k = 0; k < unparsed.length; k++) {
                unparsed[k] = r.nextInt(objects);
            }
            return new Day(index, date, epochDay, date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                    starts, mails, events, objects, unparsed);
        }

        /** Invocations spread over the day in order, each at a jittered time inside its own slot. */
        long capturedAt(Day day, int object) {
            double u = new SplittableRandom(JsonText.mix(settings.seed(), day.epochDay, object, CAPTURE)).nextDouble();
            double position = (object + 0.1 + 0.8 * u) / day.objects;
            return day.startMs + (long) (position * JsonText.DAY_MS);
        }

        private boolean mailLines(Day day, int mail, List<String> out) {
            long anchor = capturedAt(day, day.objectOf(day.mailStart[mail]));
            return factory.lines(day.epochDay, mail, anchor, day.windowMs(), day.startMs, out);
        }

        Summary writeObject(Day day, int object, CaptureStore store, CaptureKeys keys) throws IOException {
            SplittableRandom r = new SplittableRandom(JsonText.mix(settings.seed(), day.epochDay, object, OBJECT));
            long capturedMs = capturedAt(day, object);
            Instant capturedAt = Instant.ofEpochMilli(capturedMs);
            String requestId = "gen-" + day.date + "-" + object;
            int limit = settings.linesPerObject();
            int from = day.objectFrom(object);
            int to = day.objectFrom(object + 1);
            int n = to - from;

            List<String> lines = new ArrayList<>(limit);
            List<String> scratch = new ArrayList<>(32);
            long late = 0;
            for (int mail = day.mailAt(from); mail < day.mails && day.mailStart[mail] < to; mail++) {
                scratch.clear();
                boolean isLate = mailLines(day, mail, scratch);
                int first = Math.max(from, day.mailStart[mail]) - day.mailStart[mail];
                int last = Math.min(to, day.mailStart[mail + 1]) - day.mailStart[mail];
                lines.addAll(scratch.subList(first, last));
                if (isLate) {
                    late += last - first;
                }
            }

            int room = limit - n;
            int malformed = Math.min(room, (object == 0 && day.events >= 100 ? 1 : 0)
                    + JsonText.stochasticRound(r, n * MALFORMED_RATE));
            for (int k = 0; k < malformed; k++) {
                long auxMail = -1L - (object * 64L + k);
                lines.add(odd.malformed(r, day.epochDay, auxMail, capturedMs, day.windowMs(), day.startMs));
            }
            int wantedDuplicates = Math.min(room - malformed, JsonText.stochasticRound(r, n * DUPLICATE_RATE));
            int duplicates = 0;
            for (int k = 0; k < wantedDuplicates; k++) {
                String copy = duplicate(day, object, r, scratch);
                if (copy != null) {
                    lines.add(copy);
                    duplicates++;
                }
            }
            // Interleave the mails, as a batch of SQS messages would.
            for (int k = lines.size() - 1; k > 0; k--) {
                Collections.swap(lines, k, r.nextInt(k + 1));
            }
            long notificationLines = lines.size();

            int receivedCount = Math.min(limit, JsonText.stochasticRound(r, n * RECEIVED_RATE));
            long windowStart = Math.max(day.startMs, capturedMs - day.windowMs());
            for (int k = 0; k < receivedCount; k++) {
                long receivedMs = windowStart + (long) (r.nextDouble() * (capturedMs - windowStart - 2_000));
                lines.add(received.line(r, Math.max(day.startMs, receivedMs)));
            }
            int unparsedLines = 0;
            for (int chosen : day.unparsedObjects) {
                if (chosen == object && unparsedLines < limit) {
                    lines.add(odd.unparsed(r, capturedMs));
                    unparsedLines++;
                }
            }
            // One object per invocation, as the Lambda writes it.
            store.put(keys.key(capturedAt, requestId), NdjsonGzip.encode(lines));
            return new Summary(1, notificationLines, receivedCount, unparsedLines, duplicates, late, malformed);
        }

        /**
         * A line of an earlier invocation, written again as a retried invocation would: mostly from the last
         * few objects of the same day, at the start of a day sometimes from the end of the previous one.
         */
        private String duplicate(Day day, int object, SplittableRandom r, List<String> scratch) {
            int lag = r.nextInt(100) < 60 ? 1 : 1 + r.nextInt(4);
            Day source = day;
            int sourceObject = object - lag;
            if (sourceObject < 0) {
                if (day.index > 0) {
                    source = days[day.index - 1];
                    sourceObject = Math.max(0, source.objects + sourceObject);
                } else if (object > 0) {
                    sourceObject = r.nextInt(object);
                } else {
                    return null;
                }
            }
            int from = source.objectFrom(sourceObject);
            int to = source.objectFrom(sourceObject + 1);
            int line = from + r.nextInt(to - from);
            int mail = source.mailAt(line);
            scratch.clear();
            mailLines(source, mail, scratch);
            return scratch.get(line - source.mailStart[mail]);
        }
    }
}

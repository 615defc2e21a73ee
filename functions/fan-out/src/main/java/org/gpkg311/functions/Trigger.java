package org.gpkg311.functions;

import java.time.Instant;
import java.util.List;

/** What started the fan-out, once parsed: a direct request, the schedule, or an SQS batch. */
public sealed interface Trigger {

    /** A direct invocation: {@code {"asOf": "2025-11-24T18:00:00Z", "only": ["trendDirection"], "runId": "..."}}, every field optional. */
    record Direct(Instant asOf, List<String> only, String runId) implements Trigger {
        public Direct {
            only = only == null ? List.of() : List.copyOf(only);
        }
    }

    /** The daily schedule (an EventBridge "Scheduled Event", directly or carried by the queue). */
    record Scheduled(String time) implements Trigger {}

    /** An SQS batch: every message classified on its own. */
    record SqsBatch(List<Message> messages) implements Trigger {
        public SqsBatch {
            messages = List.copyOf(messages);
        }

        /** True when at least one message asks for a run. */
        public boolean wantsRun() {
            return messages.stream().anyMatch(m -> m.kind().startsRun());
        }
    }

    /** One SQS message and what it means. */
    record Message(String messageId, Kind kind, String detail) {}

    enum Kind {
        /** An object created under raw/ or reference/ of our bucket. */
        NEW_DATA,
        /** The daily schedule, delivered through the queue. */
        SCHEDULE,
        /** An object elsewhere (our own runs/ and gpkg-public/ writes) or in another bucket: never a run. */
        IGNORED,
        /** A body we cannot read: reported as a batch item failure, so the queue retries it and then dead-letters it. */
        MALFORMED;

        public boolean startsRun() {
            return this == NEW_DATA || this == SCHEDULE;
        }
    }
}

package org.gpkg311.functions;

import java.time.Instant;
import java.util.List;

/** What started the fan-out, once parsed: a direct request, the schedule, or an SQS batch. */
public sealed interface Trigger {

    /** The trigger identity of every run started by new objects under raw/ or reference/. */
    String NEW_DATA_IDENTITY = "new-data";

    /** A direct invocation: {@code {"asOf": "2025-11-24T18:00:00Z", "only": ["trendDirection"], "runId": "..."}}, every field optional. */
    record Direct(Instant asOf, List<String> only, String runId, String eventId) implements Trigger {
        public Direct {
            only = only == null ? List.of() : List.copyOf(only);
        }

        public Direct(Instant asOf, List<String> only, String runId) {
            this(asOf, only, runId, null);
        }
    }

    /** The daily schedule (an EventBridge "Scheduled Event", directly or carried by the queue); its event id names it. */
    record Scheduled(String time, String eventId) implements Trigger {}

    /** An SQS batch: every message classified on its own. */
    record SqsBatch(List<Message> messages) implements Trigger {
        public SqsBatch {
            messages = List.copyOf(messages);
        }

        /** True when at least one message asks for a run. */
        public boolean wantsRun() {
            return messages.stream().anyMatch(m -> m.kind().startsRun());
        }

        /**
         * The batch's identity. New data is named by the data alone ("new-data"; the run id adds the snapshot's
         * content), so a redelivered message, in any batch, and a retry reuse the run; a batch of schedules only is
         * named by their event ids, as the schedule is named directly.
         */
        public String identity() {
            if (messages.stream().anyMatch(m -> m.kind() == Kind.NEW_DATA)) return NEW_DATA_IDENTITY;
            return "schedule:" + String.join(",", messages.stream().filter(m -> m.kind().startsRun())
                    .map(Message::eventId).sorted().toList());
        }
    }

    /**
     * One SQS message and what it means.
     *
     * @param eventId the id of the EventBridge event it carries (the same on every delivery), else the message id
     */
    record Message(String messageId, Kind kind, String detail, String eventId) {
        public Message(String messageId, Kind kind, String detail) {
            this(messageId, kind, detail, messageId);
        }
    }

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

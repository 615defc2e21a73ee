package org.gpkg311.functions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** One real SQS queue on LocalStack and the SQS event Lambda's poller would build from its received messages. */
record SqsEvents(SqsClient sqs, String url, String arn) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SqsEvents create(SqsClient sqs, String name) {
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new SqsEvents(sqs, url, arn);
    }

    /** Receives until {@code expected} messages came, or nothing more comes for a few seconds. */
    List<Message> receive(int expected) {
        List<Message> out = new ArrayList<>();
        int emptyPolls = 0;
        while (emptyPolls < 2 && (expected == 0 || out.size() < expected)) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(2)
                    .visibilityTimeout(600).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (got.isEmpty()) emptyPolls++;
            out.addAll(got);
        }
        return out;
    }

    void deleteAll(List<Message> messages) {
        for (Message m : messages) sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
    }

    /** The event Lambda's SQS poller builds from received messages. */
    String event(List<Message> messages) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (Message m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId()).put("receiptHandle", m.receiptHandle()).put("body", m.body());
            ObjectNode attrs = r.putObject("attributes");
            m.attributes().forEach((k, v) -> attrs.put(k.toString(), v));
            r.putObject("messageAttributes");
            r.put("md5OfBody", m.md5OfBody()).put("eventSource", "aws:sqs").put("eventSourceARN", arn)
                    .put("awsRegion", Loopback.REGION);
        }
        return JSON.writeValueAsString(root);
    }
}

package org.gpkg311.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.gpkg311.storage.Storage;
import org.gpkg311.storage.StoredObject;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@code s3://bucket/prefix} location as storage, through the AWS SDK for Java v2. Keys are relative
 * to the prefix. S3 replaces an object atomically on PUT, so readers never see half a file.
 * SDK failures surface as {@link IOException}s naming the object.
 */
public final class S3Storage implements Storage {

    private final S3Client s3;
    private final S3Location location;
    private final URI endpointOverride;

    /** @param endpointOverride the endpoint the client talks to when it is not AWS (for the public URL), or null */
    public S3Storage(S3Client s3, S3Location location, URI endpointOverride) {
        this.s3 = s3;
        this.location = location;
        this.endpointOverride = endpointOverride;
    }

    /** A storage on {@code location} with a client configured from the environment (see {@link S3Settings}). */
    public static S3Storage at(String location) {
        S3Settings settings = S3Settings.fromEnvironment(System.getenv());
        return new S3Storage(settings.newClient(), S3Location.parse(location), settings.endpoint());
    }

    public S3Location location() {
        return location;
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        List<StoredObject> out = new ArrayList<>();
        try {
            // The paginator follows continuation tokens: a prefix may hold more than 1000 objects.
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(location.bucket())
                    .prefix(location.objectKey(prefix))).contents()) {
                out.add(new StoredObject(location.storageKey(o.key()), o.size(), o.lastModified()));
            }
        } catch (SdkException e) {
            throw new IOException("cannot list " + location + prefix + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(StoredObject::key));
        return out;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return new NamedStream(s3.getObject(r -> r.bucket(location.bucket()).key(location.objectKey(key))), location + key);
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(location + key, null, "no such object");
        } catch (SdkException e) {
            throw new IOException("cannot read " + location + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            s3.headObject(r -> r.bucket(location.bucket()).key(location.objectKey(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw new IOException("cannot look up " + location + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot look up " + location + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, Path file, String contentType, Map<String, String> metadata) throws IOException {
        try {
            s3.putObject(request(key, contentType, metadata), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("cannot write " + location + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) throws IOException {
        try {
            s3.putObject(request(key, contentType, metadata), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new IOException("cannot write " + location + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Versioned read(String key) throws IOException {
        try {
            ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.objectKey(key)));
            return new Versioned(r.asByteArray(), r.response().eTag());
        } catch (NoSuchKeyException e) {
            return null;
        } catch (SdkException e) {
            throw new IOException("cannot read " + location + key + ": " + e.getMessage(), e);
        }
    }

    /** 412 Precondition Failed and 409 ConditionalRequestConflict both mean: another writer came first. */
    @Override
    public boolean putIf(String key, byte[] bytes, String contentType, Map<String, String> metadata, String expectedVersion)
            throws IOException {
        PutObjectRequest.Builder r = request(key, contentType, metadata).toBuilder();
        if (expectedVersion == null) r.ifNoneMatch("*");
        else r.ifMatch(expectedVersion);
        try {
            s3.putObject(r.build(), RequestBody.fromBytes(bytes));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) return false;
            throw new IOException("cannot write " + location + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot write " + location + key + ": " + e.getMessage(), e);
        }
    }

    /** A server-side copy: the bytes never leave S3; content type and metadata travel with them. */
    @Override
    public void copy(String fromKey, String toKey) throws IOException {
        try {
            s3.copyObject(b -> b.sourceBucket(location.bucket()).sourceKey(location.objectKey(fromKey))
                    .destinationBucket(location.bucket()).destinationKey(location.objectKey(toKey)));
        } catch (SdkException e) {
            throw new IOException("cannot copy " + location + fromKey + " to " + location + toKey + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(location.bucket()).key(location.objectKey(key)));
        } catch (SdkException e) {
            throw new IOException("cannot delete " + location + key + ": " + e.getMessage(), e);
        }
    }

    /** A read that fails half-way (a connection reset) still names the object. */
    private static final class NamedStream extends java.io.FilterInputStream {
        private final String name;

        NamedStream(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | SdkException e) {
                throw failed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException | SdkException e) {
                throw failed(e);
            }
        }

        private IOException failed(Exception e) {
            return new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private PutObjectRequest request(String key, String contentType, Map<String, String> metadata) {
        return PutObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.objectKey(key))
                .contentType(contentType == null ? "application/octet-stream" : contentType)
                .metadata(S3Metadata.sanitize(metadata))
                .build();
    }

    @Override
    public String locate(String key) {
        return location.publicUrl(key, endpointOverride);
    }

    @Override
    public String describe() {
        return location.toString();
    }
}

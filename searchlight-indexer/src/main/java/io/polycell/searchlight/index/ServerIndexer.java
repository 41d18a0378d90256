package io.polycell.searchlight.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.polycell.messages.build.BuildRequestCancelled;
import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.build.InstanceMapped;
import io.polycell.messages.instance.FailedInstanceCreated;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.instance.InstanceDeletionStarted;
import io.polycell.messages.instance.InstanceMetadataChanged;
import io.polycell.messages.instance.InstancePowerStateChanged;
import io.polycell.messages.instance.InstanceSpawnFailed;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.ServerAction;
import io.polycell.messages.instance.ServerActionCompleted;
import io.polycell.messages.instance.ServerActionFailed;
import io.polycell.messages.instance.ServerActionStarted;
import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.VmState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one document per server in the search index from the API tier's build request events and the
 * cells' instance events. Each batch of events becomes one bulk request, written before the batch's
 * position is committed, every document with the external version of the event that last changed it
 * ({@link DocumentVersion}): an event at or below a document's version is skipped, and a write the index
 * holds something newer for is refused there. Deleted servers stay, with {@code deleted_at}.
 *
 * <p>Events that change part of a document need the rest of it: it comes from this batch, from a cache
 * of documents this indexer wrote, or from the index itself. The index is the indexer's only state.
 */
@ProcessingGroup(ServerIndexer.GROUP)
public final class ServerIndexer {

    public static final String GROUP = "search-index";
    private static final Logger log = LoggerFactory.getLogger(ServerIndexer.class);
    private static final String BATCH = ServerIndexer.class.getName() + ".batch";
    private static final int CACHED = 50_000;

    private final ElasticsearchClient client;
    private final String target;
    private final Map<String, Versioned> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Versioned> eldest) {
                    return size() > CACHED;
                }
            });
    private volatile Instant lastIndexedEvent;
    private volatile long written;
    private volatile long eventsRead;
    private volatile WriteListener listener;

    /** Writes into {@code target}: the alias for the live indexer, a new index for a rebuild. */
    public ServerIndexer(ElasticsearchClient client, String target) {
        this.client = client;
        this.target = target;
    }

    /** The timestamp of the newest event whose documents are written, or null before the first. */
    public Instant lastIndexedEvent() {
        return lastIndexedEvent;
    }

    /** How many events this indexer has read since it started. */
    public long eventsRead() {
        return eventsRead;
    }

    /** How many document writes the index accepted since this indexer started. */
    public long written() {
        return written;
    }

    /**
     * Told after every bulk write the index acknowledged, for measuring how long events take to become
     * searchable (the benchmarks). Unset, nothing is recorded; a listener that throws is logged and
     * does not fail the batch.
     */
    public void listen(WriteListener newListener) {
        this.listener = newListener;
    }

    /** What {@link #listen} is told after a bulk write. */
    @FunctionalInterface
    public interface WriteListener {

        /**
         * @param documents  how many documents the index accepted in this bulk request
         * @param eventTimes the timestamp of every event whose change is in one of those documents
         */
        void written(int documents, List<Instant> eventTimes);
    }

    @EventHandler
    void on(BuildRequestCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        create(event.instanceId(), DocumentVersion.ofBuildRequestEvent(seq), at, ServerDocument.of(event.spec(),
                null, null, VmState.BUILDING, TaskState.SCHEDULING, null, event.spec().createdAt(), true));
    }

    @EventHandler
    void on(InstanceMapped event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofBuildRequestEvent(seq), at, doc -> doc.withCell(event.cell()));
    }

    @EventHandler
    void on(BuildRequestCancelled event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofBuildRequestEvent(seq), at, doc -> doc.deleted(at, at));
    }

    @EventHandler
    void on(InstanceCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        create(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at, ServerDocument.of(event.spec(),
                event.cell(), event.host(), VmState.BUILDING, TaskState.SPAWNING, null, at, false));
    }

    @EventHandler
    void on(FailedInstanceCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        create(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at, ServerDocument.of(event.spec(),
                event.cell(), null, VmState.ERROR, null, event.fault(), at, false));
    }

    @EventHandler
    void on(InstanceSpawned event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at,
                doc -> doc.launched(event.launchedAt(), event.powerState().code(), at));
    }

    @EventHandler
    void on(InstanceSpawnFailed event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at, doc -> doc.failed(event.fault(), at));
    }

    @EventHandler
    void on(InstanceDeletionStarted event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at,
                doc -> doc.taskStarted(TaskState.DELETING.apiName(), doc.pendingImageId(), at));
    }

    @EventHandler
    void on(InstanceDeleted event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at,
                doc -> doc.deleted(event.deletedAt(), at));
    }

    @EventHandler
    void on(ServerActionStarted event, @SequenceNumber long seq, @Timestamp Instant at) {
        String rebuildImage = event.action() == ServerAction.REBUILD ? event.spec().image().id() : null;
        update(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at,
                doc -> doc.taskStarted(event.taskState().apiName(), rebuildImage, at));
    }

    @EventHandler
    void on(ServerActionCompleted event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at,
                doc -> doc.taskEnded(event.vmState().apiName(), event.powerState().code(), true, at));
    }

    @EventHandler
    void on(ServerActionFailed event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at,
                doc -> doc.taskEnded(doc.vmState(), doc.powerState(), false, at));
    }

    @EventHandler
    void on(InstancePowerStateChanged event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at,
                doc -> doc.withStates(event.vmState().apiName(), doc.taskState(), event.powerState().code(), at));
    }

    @EventHandler
    void on(InstanceMetadataChanged event, @SequenceNumber long seq, @Timestamp Instant at) {
        update(event.instanceId(), DocumentVersion.ofInstanceEvent(seq), at, doc -> doc.withMetadata(event.metadata(),
                at));
    }

    /** Any other event of the streams: it moves the indexer's position all the same. */
    @EventHandler
    void on(Object event, @Timestamp Instant at) {
        batch().lastEvent = at;
    }

    /** An event that describes the whole server: no need to read what the index holds. */
    private void create(String id, long version, Instant at, ServerDocument document) {
        Batch batch = batch();
        batch.lastEvent = at;
        Versioned known = batch.documents.get(id);
        if (known == null) {
            known = cache.get(id);
        }
        if (known != null && known.version() >= version) {
            return;
        }
        batch.put(id, new Versioned(document, version), at, listener != null);
    }

    private void update(String id, long version, Instant at, UnaryOperator<ServerDocument> change) {
        Batch batch = batch();
        batch.lastEvent = at;
        Versioned current = current(batch, id);
        if (current == null) {
            log.warn("The search index has no document for server {} to apply an event of version {} to; "
                    + "the event is skipped", id, version);
            return;
        }
        if (current.version() >= version) {
            return;
        }
        batch.put(id, new Versioned(change.apply(current.document()), version), at, listener != null);
    }

    private Versioned current(Batch batch, String id) {
        Versioned known = batch.documents.get(id);
        if (known == null) {
            known = cache.get(id);
        }
        if (known != null) {
            return known;
        }
        try {
            GetResponse<ServerDocument> stored = client.get(g -> g.index(target).id(id), ServerDocument.class);
            return stored.found() ? new Versioned(stored.source(), stored.version()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read server " + id + " from the search index", e);
        }
    }

    /** The documents of the batch being handled, written when the batch commits. */
    private Batch batch() {
        eventsRead++;
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> flush(batch));
            unitOfWork.onRollback(u -> batch.documents.keySet().forEach(cache::remove));
            return batch;
        });
    }

    private void flush(Batch batch) {
        if (batch.documents.isEmpty()) {
            lastIndexedEvent = batch.lastEvent;
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        batch.documents.forEach((id, versioned) -> bulk.operations(o -> o.index(i -> i.index(target).id(id)
                .version(versioned.version()).versionType(VersionType.External).document(versioned.document()))));
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + batch.documents.size() + " documents to the search "
                    + "index", e);
        }
        int accepted = 0;
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                cache.put(item.id(), batch.documents.get(item.id()));
                accepted++;
            } else if (item.status() == 409) {
                // The index holds a newer version: what this indexer had is stale; read it again next time.
                cache.remove(item.id());
            } else {
                throw new IllegalStateException("The search index refused server " + item.id() + ": "
                        + item.error().type() + " " + item.error().reason());
            }
        }
        written += accepted;
        lastIndexedEvent = batch.lastEvent;
        WriteListener told = listener;
        if (told != null && batch.eventTimes != null) {
            tell(told, response, batch, accepted);
        }
    }

    private static void tell(WriteListener told, BulkResponse response, Batch batch, int accepted) {
        List<Instant> times = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            List<Instant> ofDocument = item.error() == null ? batch.eventTimes.get(item.id()) : null;
            if (ofDocument != null) {
                times.addAll(ofDocument);
            }
        }
        try {
            told.written(accepted, times);
        } catch (RuntimeException e) {
            log.warn("The search index's write listener failed: {}", e.getMessage());
        }
    }

    /** A document and the version it was or will be written with. */
    record Versioned(ServerDocument document, long version) {
    }

    private static final class Batch {
        private final Map<String, Versioned> documents = new LinkedHashMap<>();
        /** The timestamps of the events changing each document, only while a listener is set. */
        private Map<String, List<Instant>> eventTimes;
        private Instant lastEvent;

        void put(String id, Versioned versioned, Instant at, boolean timed) {
            documents.put(id, versioned);
            if (timed) {
                if (eventTimes == null) {
                    eventTimes = new HashMap<>();
                }
                eventTimes.computeIfAbsent(id, key -> new ArrayList<>(2)).add(at);
            }
        }
    }

}

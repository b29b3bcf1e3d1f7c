package org.expoflow.workflow.config;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.expoflow.commands.directive.Directive;
import org.expoflow.commands.expo.Expo;
import org.expoflow.commands.meeting.Meeting;
import org.expoflow.commands.task.Task;
import org.expoflow.workflow.engine.ActingContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Axon without Axon Server: events in our own tables (created by Flyway, snake_case names chosen on
 * purpose), in the DataSource and transaction the engine uses; all messages as JSON with a mapper of
 * our own, so web settings never change what is stored.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSetup {

    /** Axon's default: events read from the store a hundred at a time. */
    private static final int EVENT_BATCH_SIZE = 100;

    static {
        // Axon stores an event's timestamp to the millisecond, and a read model projected in the writer's
        // transaction sees the event as it was created: created to the millisecond too, an event reads the
        // same live and replayed, so a rebuilt read model equals the one kept live
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConfigurerModule expoFlowAggregates() {
        return configurer -> configurer
                .configureAggregate(Expo.class)
                .configureAggregate(Directive.class)
                .configureAggregate(Task.class)
                .configureAggregate(Meeting.class);
    }

    /**
     * Axon's meters of the command and query buses and of the processors in the writer's transaction, each
     * looked up once per payload type ({@link MetersByPayloadType}); Axon's own monitors stay on the rest.
     */
    @Bean
    ConfigurerModule axonMetersLookedUpOnce(MeterRegistry registry) {
        return configurer -> configurer
                .configureMessageMonitor(CommandBus.class, (configuration, type, name) -> MetersByPayloadType.ofBus(registry, name))
                .configureMessageMonitor(QueryBus.class, (configuration, type, name) -> MetersByPayloadType.ofBus(registry, name))
                .configureMessageMonitor(SubscribingEventProcessor.class,
                        (configuration, type, name) -> MetersByPayloadType.ofProcessor(registry, name));
    }

    /** The stored format of events: changing this mapper's settings changes every future event. */
    public static ObjectMapper storedMessageMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Axon's Jackson serializer over {@link #storedMessageMapper()}, under the messages' stored names
     * ({@link StoredNameSerializer}), reading metadata with
     * {@link StoredMetaDataDeserializer}: registered after Axon's own module, which the serializer adds as it
     * is built, it is the one Jackson asks first.
     */
    static JacksonSerializer storedMessageSerializer() {
        JacksonSerializer serializer = new StoredNameSerializer(JacksonSerializer.builder().objectMapper(storedMessageMapper()));
        serializer.getObjectMapper().registerModule(new SimpleModule("ExpoFlow stored metadata")
                .addDeserializer(MetaData.class, new StoredMetaDataDeserializer()));
        return serializer;
    }

    @Bean
    @Primary
    Serializer serializer() {
        return storedMessageSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return storedMessageSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return storedMessageSerializer();
    }

    /**
     * Events in {@code domain_event_entry} through the Spring DataSource and transaction, as Axon's JDBC
     * auto-configuration would make it (declared here because Axon makes none once an event store is
     * declared), without snapshots ({@link EventStoreWithoutSnapshots}).
     * <p>
     * An aggregate's events are read in batches by a range of sequence numbers, and Axon's JDBC engine
     * reads on until a batch comes back empty, in case the numbers have gaps: a second query for every
     * command. Axon numbers an aggregate's events without gaps and ExpoFlow deletes none, so a batch short
     * of the batch size is the last.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        return new EventStoreWithoutSnapshots(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(EVENT_BATCH_SIZE)
                .finalAggregateBatchPredicate(batch -> batch.size() < EVENT_BATCH_SIZE)
                .schema(eventSchema));
    }

    /**
     * Axon's embedded event store, without Axon's monitor of the store: it counted, timed and measured the capacity of every event published,
     * each meter looked up by name and tags per event, a share of every completion's CPU, and the processors'
     * monitors count the same events where they are handled (docs/adr/0009-axon-plumbing-trimmed.md).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Two writers appending to one aggregate at once: the second hits the unique key on aggregate and
     * sequence (SQLSTATE 23505 on H2 and PostgreSQL alike), which Axon then reports as a concurrency
     * conflict instead of a storage failure.
     */
    @Bean
    PersistenceExceptionResolver uniqueKeyViolations() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Who acted and the request's correlation id travel from each command to its events. */
    @Bean
    CorrelationDataProvider actingCorrelation() {
        return new SimpleCorrelationDataProvider(ActingContext.ACTOR, ActingContext.CORRELATION_ID);
    }

    /** The message that caused an event, and the first message of its chain. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider("causationId", "traceId");
    }
}

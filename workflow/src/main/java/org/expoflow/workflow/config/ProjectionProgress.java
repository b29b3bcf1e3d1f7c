package org.expoflow.workflow.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.expoflow.projections.support.Databases;
import org.expoflow.projections.support.ProjectionCatchUp;
import org.expoflow.projections.support.ReadModels;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the callers waiting to read their own writes ({@link ProjectionCatchUp}) that the read models
 * have moved on, the moment a batch of projected events commits: on this node directly, and on
 * PostgreSQL to every node through {@code NOTIFY expoflow_projections}, sent by a trigger whenever a
 * segment's token moves (V16: also when a segment merely skips another segment's events, which no handler
 * sees), in the transaction that moves it (so it arrives exactly when the move is visible), and heard by
 * one listening connection per node. Nobody polls the token table.
 * <p>
 * Only when the read models are behind a tracking processor ({@code axon.eventhandling.processors.read-models.mode:
 * tracking}); projected in the writers' transactions (the default, {@link LiveReadModels}) nobody waits.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.eventhandling.processors.read-models.mode", havingValue = "tracking")
public class ProjectionProgress {

    static final String CHANNEL = "expoflow_projections";
    private static final Logger log = LoggerFactory.getLogger(ProjectionProgress.class);

    @Bean
    ConfigurerModule projectionProgressAnnounced(ObjectProvider<ProjectionCatchUp> catchUp) {
        Object announced = new Object();
        MessageHandlerInterceptor<EventMessage<?>> announce = (unitOfWork, chain) -> {
            if (unitOfWork.resources().putIfAbsent(ProjectionProgress.class.getName(), announced) == null) {
                unitOfWork.afterCommit(u -> catchUp.getObject().projectionsProgressed());
            }
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(ReadModels.PROCESSING_GROUP, configuration -> announce);
    }

    /** On PostgreSQL, hears every node's announcements on a connection of its own. */
    @Bean
    SmartLifecycle projectionProgressHeard(ObjectProvider<ProjectionCatchUp> catchUp, DataSource dataSource) {
        return new Listener(catchUp, dataSource);
    }


    private static final class Listener implements SmartLifecycle {
        private final ObjectProvider<ProjectionCatchUp> catchUp;
        private final DataSource dataSource;
        private volatile Thread thread;
        /** Counted down when the node stops: the reconnect's pause ends at once then. */
        private final CountDownLatch stopping = new CountDownLatch(1);

        Listener(ObjectProvider<ProjectionCatchUp> catchUp, DataSource dataSource) {
            this.catchUp = catchUp;
            this.dataSource = dataSource;
        }

        @Override
        public void start() {
            if (!Databases.isPostgres(dataSource)) {
                return;
            }
            thread = new Thread(this::listen, "projection-progress-listener");
            thread.setDaemon(true);
            thread.start();
        }

        private void listen() {
            while (thread == Thread.currentThread()) {
                try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                    sql.execute("listen " + CHANNEL);
                    PGConnection postgres = connection.unwrap(PGConnection.class);
                    while (thread == Thread.currentThread()) {
                        // blocks until the server pushes a notification, or half a second passes to look at the running flag
                        var notifications = postgres.getNotifications(500);
                        if (notifications != null && notifications.length > 0) {
                            catchUp.getObject().projectionsProgressed();
                        }
                    }
                } catch (SQLException lost) {
                    log.debug("projection progress listener lost its connection; listening again", lost);
                    // the waiters' own timeout bounds what a lost announcement costs; reconnect without hammering the server
                    try {
                        if (stopping.await(1, TimeUnit.SECONDS)) {
                            return;
                        }
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }

        @Override
        public void stop() {
            Thread running = thread;
            thread = null;
            stopping.countDown();
            if (running != null) {
                running.interrupt();
            }
        }

        @Override
        public boolean isRunning() {
            return thread != null;
        }
    }
}

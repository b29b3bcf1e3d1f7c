package org.expoflow.workflow.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The event store's connections, as Axon's JDBC auto-configuration makes them (the Spring transaction's connection,
 * one per unit of work), except that a unit of work rolled back leaves the transaction's end to Spring: Axon's own
 * provider spares a Spring transaction its commit but not its rollback, so a command refused inside a larger
 * transaction rolled back everything before it on the connection and every savepoint with it. A bulk action inside
 * an Idempotency-Key's transaction rolls a refused step back to its savepoint and keeps the steps before it
 * (docs/adr/0028-idempotency-keys-in-the-effects-transaction.md); Spring's rollback of the transaction, or to the
 * savepoint, undoes what the refused command did, as it always decided the transaction's end.
 */
public final class SpringOwnedConnections implements ConnectionProvider {

    private final DataSource dataSource;

    SpringOwnedConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** In place of Axon's auto-configured provider, which steps aside for it. */
    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        ConnectionProvider eventStoreConnections(DataSource dataSource) {
            return new UnitOfWorkAwareConnectionProviderWrapper(new SpringOwnedConnections(dataSource));
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DataSourceUtils.doGetConnection(dataSource);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    String name = method.getName();
                    if (name.equals("close")) {
                        DataSourceUtils.releaseConnection(connection, dataSource);
                        return null;
                    }
                    if ((name.equals("commit") || name.equals("rollback")) && arguments == null
                            && DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
                        return null;
                    }
                    if (name.equals("equals")) {
                        return proxy == arguments[0];
                    }
                    if (name.equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });
    }
}

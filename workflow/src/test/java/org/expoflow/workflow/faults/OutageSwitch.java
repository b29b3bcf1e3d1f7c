package org.expoflow.workflow.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The application's DataSource, whose connections a test can refuse as a stopped database server would. */
public class OutageSwitch extends DelegatingDataSource {

    private volatile boolean down;

    OutageSwitch(DataSource target) {
        super(target);
    }

    public void databaseDown() {
        down = true;
    }

    public void databaseUp() {
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("connection refused: the database is down");
        }
        return super.getConnection();
    }

    /** Puts the switch in front of the application's DataSource, open. */
    @TestConfiguration
    public static class Installer {
        @Bean
        static BeanPostProcessor outageSwitch() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && "dataSource".equals(name) ? new OutageSwitch(dataSource) : bean;
                }
            };
        }
    }
}

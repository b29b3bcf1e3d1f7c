package org.expoflow.workflow.security.provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import cn.gov.province.ProvinceDirectory;
import cn.gov.province.ProvinceIdentityProvider;

/**
 * ExpoFlow on its embedded default with the demo data, signing in through the province's identity provider
 * (a real OpenID provider started in this JVM, {@link ProvinceIdentityProvider}) and its directory (an LDAP server
 * in this JVM, {@link ProvinceDirectory}). Its own JVM (the tag's surefire
 * execution): the engine's REST API finds "the" engine in a JVM-wide registry, so this context cannot live beside
 * the other tests' one. Groups as the province names them: {@code expo-office}, {@code leadership}, {@code it}, and
 * {@code unit-<unit id>} for each unit's clerks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("identity-provider")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = ProvinceSignInTest.Province.class)
public @interface ProvinceSignInTest {

    /** Points ExpoFlow at the province's provider, and records every sign-in event it publishes. */
    class Province implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        /** Spring Security's sign-in events, successes and failures, as ExpoFlow published them. */
        public static final List<AbstractAuthenticationEvent> EVENTS = new CopyOnWriteArrayList<>();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "expoflow.oidc.issuer-uri=" + ProvinceIdentityProvider.issuer(),
                    "expoflow.oidc.client-id=" + ProvinceIdentityProvider.CLIENT_ID,
                    "expoflow.oidc.client-secret=" + ProvinceIdentityProvider.CLIENT_SECRET,
                    "expoflow.sign-in.groups=expo-office=COORDINATOR,leadership=LEADER,it=ADMIN",
                    "expoflow.sign-in.unit-group-prefix=unit-",
                    "expoflow.ldap.url=" + ProvinceDirectory.url(),
                    "expoflow.ldap.base-dn=" + ProvinceDirectory.BASE_DN).applyTo(context);
            context.addApplicationListener(event -> {
                if (event instanceof AbstractAuthenticationEvent signIn) {
                    EVENTS.add(signIn);
                }
            });
        }
    }
}

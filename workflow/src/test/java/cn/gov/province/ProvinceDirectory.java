package cn.gov.province;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;

/**
 * The province's directory, for the tests: an UnboundID in-memory LDAP server (what Spring Security's own LDAP
 * tests use) on a port of its own, with people under {@code ou=people} and their groups ({@code groupOfNames})
 * under {@code ou=groups}.
 */
public final class ProvinceDirectory {

    public static final String BASE_DN = "dc=province,dc=gov,dc=cn";

    /** Every person's directory password. */
    public static final String PASSWORD = "directory-pass-1";

    /** A clerk of Anshan's Bureau of Commerce, in the group {@code unit-anshan}. */
    public static final String ANSHAN_CLERK = "wang.min";

    /** Of leadership, in the group {@code leadership}. */
    public static final String LEADER = "gao.yan";

    /** In the directory, in no group ExpoFlow maps. */
    public static final String STRANGER = "sun.hao";

    /** In the directory and in leadership, under the user name of ExpoFlow's own administrator (a local account). */
    public static final String ADMIN_NAMESAKE = "admin";

    private static InMemoryDirectoryServer running;

    private ProvinceDirectory() {
    }

    /** The directory's address, started once per JVM. */
    public static synchronized String url() {
        if (running == null) {
            try {
                InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
                config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
                config.setSchema(null);
                InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
                server.importFromLDIF(true, new LDIFReader(new java.io.BufferedReader(new java.io.StringReader(ldif()))));
                server.startListening();
                running = server;
            } catch (Exception e) {
                throw new IllegalStateException("the test's directory did not start", e);
            }
        }
        return "ldap://127.0.0.1:" + running.getListenPort();
    }

    private static String ldif() {
        return """
                dn: %1$s
                objectClass: top
                objectClass: domain
                dc: province

                dn: ou=people,%1$s
                objectClass: organizationalUnit
                ou: people

                dn: ou=groups,%1$s
                objectClass: organizationalUnit
                ou: groups
                %2$s%3$s%4$s%8$s
                dn: cn=unit-anshan,ou=groups,%1$s
                objectClass: groupOfNames
                cn: unit-anshan
                member: uid=%5$s,ou=people,%1$s

                dn: cn=leadership,ou=groups,%1$s
                objectClass: groupOfNames
                cn: leadership
                member: uid=%6$s,ou=people,%1$s
                member: uid=%9$s,ou=people,%1$s

                dn: cn=visitors,ou=groups,%1$s
                objectClass: groupOfNames
                cn: visitors
                member: uid=%7$s,ou=people,%1$s
                """.formatted(BASE_DN, person(ANSHAN_CLERK, "王敏"), person(LEADER, "高岩"), person(STRANGER, "孙浩"),
                ANSHAN_CLERK, LEADER, STRANGER, person(ADMIN_NAMESAKE, "冒名"), ADMIN_NAMESAKE);
    }

    private static String person(String uid, String name) {
        return """

                dn: uid=%s,ou=people,%s
                objectClass: inetOrgPerson
                uid: %s
                cn: %s
                sn: %s
                userPassword: %s
                """.formatted(uid, BASE_DN, uid, name, name.substring(0, 1), PASSWORD);
    }
}

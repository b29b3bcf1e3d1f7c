package org.expoflow.workflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.expoflow.workflow.application.ReadOncePerRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The users of ExpoFlow, kept in the {@code expoflow_user} table with bcrypt password hashes. */
@Component
public class UserDirectory implements UserDetailsService {

    private static final String PEOPLE = "people";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    public UserDirectory(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public Optional<ExpoFlowUser> find(String username) {
        List<ExpoFlowUser> users = jdbc.query(
                "select username, password_hash, role, unit_id, enabled, must_change_password, password_changed_at from expoflow_user"
                        + " where username = ?",
                (rs, n) -> new ExpoFlowUser(rs.getString("username"), rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")), rs.getString("unit_id"), rs.getBoolean("enabled"),
                        rs.getBoolean("must_change_password"), rs.getTimestamp("password_changed_at") == null ? null
                        : rs.getTimestamp("password_changed_at").toInstant()), username);
        return users.stream().findFirst();
    }

    /** A user as the administrators see it: never the password hash. */
    public record UserEntry(String username, Role role, String unitId, String displayName, boolean enabled, String email) {
    }

    /** Every user's name as people know it (the display name, else the user name), by user name. */
    public java.util.Map<String, String> displayNames() {
        return list().stream().collect(java.util.stream.Collectors.toMap(UserEntry::username,
                user -> user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName()));
    }

    public List<UserEntry> list() {
        return ReadOncePerRequest.read(PEOPLE, () -> List.copyOf(jdbc.query("select username, role, unit_id, display_name, enabled, email from expoflow_user order by username",
                (rs, n) -> new UserEntry(rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getString("unit_id"), rs.getString("display_name"), rs.getBoolean("enabled"), rs.getString("email")))));
    }

    /** Lets a user sign in again, or no more; answers false when there is no such user. */
    public boolean setEnabled(String username, boolean enabled) {
        ReadOncePerRequest.forget(PEOPLE);
        return jdbc.update("update expoflow_user set enabled = ? where username = ?", enabled, username) == 1;
    }

    /** The enabled users of a unit, or of a role when {@code unitId} is null: who a notice is for. */
    public List<UserEntry> audience(String unitId, Role role) {
        String which = unitId != null ? "unit_id = ?" : "role = ?";
        return jdbc.query("select username, role, unit_id, display_name, enabled, email from expoflow_user where enabled = true"
                        + " and " + which + " order by username",
                (rs, n) -> new UserEntry(rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getString("unit_id"), rs.getString("display_name"), rs.getBoolean("enabled"), rs.getString("email")),
                unitId != null ? unitId : role.name());
    }

    /** Sets the user's role and unit (a unit for a CITY user only); answers false when there is no such user. */
    public boolean setRole(String username, Role role, String unitId) {
        ReadOncePerRequest.forget(PEOPLE);
        return jdbc.update("update expoflow_user set role = ?, unit_id = ? where username = ?", role.name(), unitId, username) == 1;
    }

    /** Sets where the user's notices are mailed (null: nowhere); answers false when there is no such user. */
    public boolean setEmail(String username, String email) {
        ReadOncePerRequest.forget(PEOPLE);
        return jdbc.update("update expoflow_user set email = ? where username = ?", email, username) == 1;
    }

    /**
     * Sets a new password, keeping the hash among the user's earlier ones; {@code mustChange} when someone else set it
     * (a reset), so that the user chooses their own at the next sign-in. Answers false when there is no such user.
     */
    public boolean setPassword(String username, String rawPassword, boolean mustChange) {
        String hash = passwordEncoder.encode(rawPassword);
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update expoflow_user set password_hash = ?, must_change_password = ?, password_changed_at = ?"
                + " where username = ?", hash, mustChange, now, username) != 1) {
            return false;
        }
        jdbc.update("insert into password_history (username, password_hash, set_at) values (?, ?, ?)", username, hash, now);
        return true;
    }

    /** Whether the password is one of the user's last {@code count} (the present one among them). */
    public boolean usedRecently(String username, String rawPassword, int count) {
        return jdbc.queryForList("select password_hash from password_history where username = ? order by set_at desc"
                        + " fetch first " + count + " rows only", String.class, username).stream()
                .anyMatch(hash -> passwordEncoder.matches(rawPassword, hash));
    }

    /** Whether the password is the user's present one. */
    public boolean isPassword(String username, String rawPassword) {
        return find(username).map(user -> passwordEncoder.matches(rawPassword, user.getPassword())).orElse(false);
    }

    public boolean isEmpty() {
        Integer count = jdbc.queryForObject("select count(*) from expoflow_user", Integer.class);
        return count == null || count == 0;
    }

    /**
     * Adds a user whose password is outside the rules' change and expiry: a demo user's, or the unknowable one of a
     * person the province's identity provider placed, who signs in there (and never with a password ExpoFlow keeps).
     */
    public void add(String username, String rawPassword, Role role, String unitId, String displayName) {
        ReadOncePerRequest.forget(PEOPLE);
        jdbc.update("insert into expoflow_user (username, password_hash, role, unit_id, display_name) values (?, ?, ?, ?, ?)",
                username, passwordEncoder.encode(rawPassword), role.name(), unitId, displayName);
    }

    /**
     * Adds a person the province's identity provider or directory placed, at their first sign-in there, with a password
     * no one knows: theirs is the provider's business.
     */
    public void addPlacedByProvider(String username, String unknowablePassword, Role role, String unitId, String displayName) {
        ReadOncePerRequest.forget(PEOPLE);
        jdbc.update("insert into expoflow_user (username, password_hash, role, unit_id, display_name, placed_by_provider)"
                        + " values (?, ?, ?, ?, ?, true)",
                username, passwordEncoder.encode(unknowablePassword), role.name(), unitId, displayName);
    }

    /**
     * Whether the user is one of ExpoFlow's own accounts, with a password kept here (an administrator created them, or
     * the demo data or the first start did), rather than a person the provider placed: the provider's sign-in never
     * becomes or changes one of these.
     */
    public boolean isLocalAccount(String username) {
        List<Boolean> placed = jdbc.queryForList("select placed_by_provider from expoflow_user where username = ?",
                Boolean.class, username);
        return !placed.isEmpty() && !Boolean.TRUE.equals(placed.get(0));
    }

    /** Moves a person the provider placed to the role and unit the provider now says; answers whether anything changed. */
    public boolean placeByProvider(String username, Role role, String unitId) {
        ReadOncePerRequest.forget(PEOPLE);
        return jdbc.update("update expoflow_user set role = ?, unit_id = ? where username = ? and placed_by_provider = true",
                role.name(), unitId, username) == 1;
    }

    /** Adds a user; {@code mustChange} when someone else chose the password, so they choose their own at first sign-in. */
    public void add(String username, String rawPassword, Role role, String unitId, String displayName, boolean mustChange) {
        String hash = passwordEncoder.encode(rawPassword);
        Timestamp now = Timestamp.from(clock.instant());
        ReadOncePerRequest.forget(PEOPLE);
        jdbc.update("insert into expoflow_user (username, password_hash, role, unit_id, display_name, must_change_password,"
                        + " password_changed_at) values (?, ?, ?, ?, ?, ?, ?)",
                username, hash, role.name(), unitId, displayName, mustChange, now);
        jdbc.update("insert into password_history (username, password_hash, set_at) values (?, ?, ?)", username, hash, now);
    }

    /** The users whose password is the given one: used to refuse production start-up with a demo password. */
    public List<String> usersWithPassword(String rawPassword) {
        return jdbc.query("select username, password_hash from expoflow_user order by username", (rs, n) ->
                        passwordEncoder.matches(rawPassword, rs.getString("password_hash")) ? rs.getString("username") : null)
                .stream().filter(java.util.Objects::nonNull).toList();
    }
}

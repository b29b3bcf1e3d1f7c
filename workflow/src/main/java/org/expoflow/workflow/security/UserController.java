package org.expoflow.workflow.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.security.UserDirectory.UserEntry;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The people who sign in, managed by ADMIN. Passwords are stored as bcrypt hashes and never shown. */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Users", description = "Who signs in, with which role and (for city clerks) which unit")
public class UserController {

    private static final String SLUG = "[a-z][a-z0-9-]{1,39}";
    private static final String DEMO_PASSWORD = "demo";

    private final UserDirectory users;
    private final WebappAdmins webappAdmins;
    private final UnitRegister units;

    public UserController(UserDirectory users, WebappAdmins webappAdmins, UnitRegister units) {
        this.users = users;
        this.webappAdmins = webappAdmins;
        this.units = units;
    }

    public record NewUser(@NotBlank @Pattern(regexp = SLUG, message = "must be a lower-case slug such as 'shenyang-clerk'") String username,
                          @NotNull @Size(min = 10, max = 100, message = "must be 10 to 100 characters") String password,
                          @NotNull Role role,
                          @Pattern(regexp = SLUG, message = "must be a unit id such as 'shenyang'") String unitId,
                          @Size(max = 200) String displayName) {
    }

    public record NewPassword(@NotNull @Size(min = 10, max = 100, message = "must be 10 to 100 characters") String password) {
    }

    /** Where the user's notices are mailed; empty to mail them no more. */
    public record Email(@jakarta.validation.constraints.Email @Size(max = 200) String email) {
    }

    public record Enabled(@NotNull Boolean enabled) {
    }

    @GetMapping
    @Operation(summary = "Every user with role and unit")
    public List<UserEntry> list() {
        return users.list();
    }

    @PostMapping
    @Operation(summary = "Add a user; a CITY user belongs to exactly one unit, the others to none")
    public ResponseEntity<Map<String, String>> add(@Valid @RequestBody NewUser user) {
        if (user.role() == Role.CITY && user.unitId() == null) {
            throw DomainRuleViolation.invalid("unitId", "a CITY user belongs to exactly one unit: give its unit id")
                    .coded("cityUserNeedsUnit");
        }
        if (user.role() != Role.CITY && user.unitId() != null) {
            throw DomainRuleViolation.invalid("unitId", "only CITY users belong to a unit").coded("onlyCityUsersHaveUnits");
        }
        if (user.unitId() != null && units.find(user.unitId()).isEmpty()) {
            throw DomainRuleViolation.invalid("unitId", "'" + user.unitId() + "' is not a registered unit; see GET /api/units")
                    .coded("unitNotRegistered", user.unitId());
        }
        refuseDemoPassword(user.password());
        if (users.find(user.username()).isPresent()) {
            throw DomainRuleViolation.conflict("user " + user.username() + " already exists").coded("userExists", user.username());
        }
        users.add(user.username(), user.password(), user.role(), user.unitId(), user.displayName());
        if (user.role() == Role.ADMIN) {
            webappAdmins.ensureEngineUser(user.username(), user.displayName());
        }
        return ResponseEntity.created(URI.create("/api/admin/users")).body(Map.of("username", user.username()));
    }

    @PutMapping("/{username}/password")
    @Operation(summary = "Set a user's password")
    public ResponseEntity<Void> changePassword(@PathVariable String username, @Valid @RequestBody NewPassword password) {
        refuseDemoPassword(password.password());
        if (!users.changePassword(username, password.password())) {
            throw DomainRuleViolation.notFound("username", "no user " + username).coded("noUser", username);
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{username}/enabled")
    @Operation(summary = "Disable a user who must sign in no more (answered like a wrong password), or enable them again")
    public ResponseEntity<Void> enable(@PathVariable String username, @Valid @RequestBody Enabled enabled) {
        if (!users.setEnabled(username, enabled.enabled())) {
            throw DomainRuleViolation.notFound("username", "no user " + username).coded("noUser", username);
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{username}/email")
    @Operation(summary = "Set where a user's notices are mailed (empty: mailed no more)")
    public ResponseEntity<Void> email(@PathVariable String username, @Valid @RequestBody Email email) {
        String address = email.email() == null || email.email().isBlank() ? null : email.email().strip();
        if (!users.setEmail(username, address)) {
            throw DomainRuleViolation.notFound("username", "no user " + username).coded("noUser", username);
        }
        return ResponseEntity.noContent().build();
    }

    private static void refuseDemoPassword(String password) {
        if (password.toLowerCase().contains(DEMO_PASSWORD)) {
            throw DomainRuleViolation.invalid("password", "a password must not contain the demo password").coded("demoPassword");
        }
    }
}

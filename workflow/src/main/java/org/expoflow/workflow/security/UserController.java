package org.expoflow.workflow.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.security.UserDirectory.UserEntry;
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

/**
 * The people who sign in, managed by the security administrator (SECURITY_ADMIN) through {@link UserAdministration}.
 * Passwords are stored as bcrypt hashes and never shown; one set here must be changed at the user's next sign-in.
 */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
@Tag(name = "Users", description = "Who signs in, with which role and (for city clerks) which unit; for SECURITY_ADMIN")
public class UserController {

    private static final String SLUG = "[a-z][a-z0-9-]{1,39}";

    private final UserAdministration administration;

    public UserController(UserAdministration administration) {
        this.administration = administration;
    }

    public record NewUser(@NotBlank @Pattern(regexp = SLUG, message = "must be a lower-case slug such as 'shenyang-clerk'") String username,
                          @NotNull String password,
                          @NotNull Role role,
                          @Pattern(regexp = SLUG, message = "must be a unit id such as 'shenyang'") String unitId,
                          @Size(max = 200) String displayName) {
    }

    public record NewPassword(@NotNull String password) {
    }

    /** Where the user's notices are mailed; empty to mail them no more. */
    public record Email(@jakarta.validation.constraints.Email @Size(max = 200) String email) {
    }

    public record Enabled(@NotNull Boolean enabled) {
    }

    /** The user's role and, for a CITY user only, the unit. */
    public record RoleChange(@NotNull Role role,
                             @Pattern(regexp = SLUG, message = "must be a unit id such as 'shenyang'") String unitId) {
    }

    @GetMapping
    @Operation(summary = "Every user with role and unit")
    public List<UserEntry> list() {
        return administration.list();
    }

    @PostMapping
    @Operation(summary = "Add a user, who must change the password at first sign-in; a CITY user belongs to exactly one unit,"
            + " the others to none; the password has 8 to 100 characters of 3 classes")
    public ResponseEntity<Map<String, String>> add(@Valid @RequestBody NewUser user) {
        administration.create(new UserAdministration.NewUser(user.username(), user.password(), user.role(), user.unitId(),
                user.displayName()));
        return ResponseEntity.created(URI.create("/api/admin/users")).body(Map.of("username", user.username()));
    }

    @PutMapping("/{username}/password")
    @Operation(summary = "Reset a user's password; they must change it at their next sign-in")
    public ResponseEntity<Void> changePassword(@PathVariable String username, @Valid @RequestBody NewPassword password) {
        administration.resetPassword(username, password.password());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{username}/enabled")
    @Operation(summary = "Disable a user who must sign in no more (answered like a wrong password), or enable them again")
    public ResponseEntity<Void> enable(@PathVariable String username, @Valid @RequestBody Enabled enabled) {
        administration.setEnabled(username, enabled.enabled());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{username}/role")
    @Operation(summary = "Give a user another role, or a CITY user another unit (a registered one; the other roles have none);"
            + " not one's own. Someone who signs in through the province's provider gets their groups' role again there")
    public ResponseEntity<Void> changeRole(@PathVariable String username, @Valid @RequestBody RoleChange change) {
        administration.changeRole(username, change.role(), change.unitId());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{username}/email")
    @Operation(summary = "Set where a user's notices are mailed (empty: mailed no more)")
    public ResponseEntity<Void> email(@PathVariable String username, @Valid @RequestBody Email email) {
        administration.setEmail(username, email.email() == null || email.email().isBlank() ? null : email.email().strip());
        return ResponseEntity.noContent().build();
    }
}

package org.expoflow.workflow.security.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.security.provider.SignInGroups.Membership;
import org.expoflow.workflow.units.UnitRegister;
import org.junit.jupiter.api.Test;

/** What a person's groups at the province's provider make them in ExpoFlow, and what a mistyped mapping says. */
class SignInGroupsTest {

    private final UnitRegister units = mock(UnitRegister.class);

    SignInGroupsTest() {
        when(units.find(anyString())).thenReturn(Optional.empty());
        for (String unit : List.of("shenyang", "dalian")) {
            when(units.find(unit)).thenReturn(Optional.of(new UnitRegister.RegisteredUnit(unit, unit, null)));
        }
    }

    private SignInGroups groups(String mapping, String prefix) {
        return new SignInGroups(mapping, prefix, units);
    }

    @Test
    void namedGroupsGiveTheirRoleAndUnitAndOthersAreIgnored() {
        SignInGroups groups = groups("expo-office=COORDINATOR, leadership=LEADER,shenyang-bureau=CITY:shenyang", null);

        assertThat(groups.membershipOf("li.na", List.of("everyone", "expo-office"))).isEqualTo(new Membership(Role.COORDINATOR, null));
        assertThat(groups.membershipOf("wang.fang", List.of("leadership"))).isEqualTo(new Membership(Role.LEADER, null));
        assertThat(groups.membershipOf("zhang.wei", List.of("shenyang-bureau", "everyone")))
                .isEqualTo(new Membership(Role.CITY, "shenyang"));
    }

    @Test
    void aPrefixNamesEveryUnitsClerksAtOnce() {
        SignInGroups groups = groups("", "unit-");

        assertThat(groups.membershipOf("liu.yang", List.of("unit-dalian"))).isEqualTo(new Membership(Role.CITY, "dalian"));
        assertThat(groups.membershipOf("zhang.wei", List.of("unit-shenyang"))).isEqualTo(new Membership(Role.CITY, "shenyang"));
        assertThatThrownBy(() -> groups.membershipOf("x", List.of("unit-"))).isInstanceOf(NotKnownHere.class);
    }

    @Test
    void nothingTwoThingsOrAnUnregisteredUnitIsRefusedSayingWhich() {
        SignInGroups groups = groups("expo-office=COORDINATOR", "unit-");

        assertThatThrownBy(() -> groups.membershipOf("zhao.lei", List.of("visitors"))).isInstanceOfSatisfying(NotKnownHere.class,
                refused -> assertThat(refused.reason()).isEqualTo(NotKnownHere.Reason.NO_ROLE));
        assertThatThrownBy(() -> groups.membershipOf("chen.jie", List.of("expo-office", "unit-dalian")))
                .isInstanceOfSatisfying(NotKnownHere.class,
                        refused -> assertThat(refused.reason()).isEqualTo(NotKnownHere.Reason.SEVERAL_ROLES));
        assertThatThrownBy(() -> groups.membershipOf("sun.li", List.of("unit-atlantis"))).isInstanceOfSatisfying(NotKnownHere.class,
                refused -> assertThat(refused.reason()).isEqualTo(NotKnownHere.Reason.UNIT_NOT_REGISTERED));
        // two groups that say the same thing are one thing
        assertThat(groups("shenyang-bureau=CITY:shenyang", "unit-").membershipOf("zhang.wei",
                List.of("shenyang-bureau", "unit-shenyang"))).isEqualTo(new Membership(Role.CITY, "shenyang"));
    }

    @Test
    void aMistypedMappingStopsTheStartNamingTheSettingAndTheEntry() {
        assertThatThrownBy(() -> groups("expo-office=COORDINATR", null)).hasMessageContaining("expoflow.sign-in.groups")
                .hasMessageContaining("COORDINATR").hasMessageContaining("expo-office");
        assertThatThrownBy(() -> groups("expo-office", null)).hasMessageContaining("expoflow.sign-in.groups")
                .hasMessageContaining("'expo-office'");
        assertThatThrownBy(() -> groups("bureau=CITY", null)).hasMessageContaining("must name a unit for CITY");
        assertThatThrownBy(() -> groups("expo-office=COORDINATOR:shenyang", null)).hasMessageContaining("none for any other role");
    }
}

package org.expoflow.workflow.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.expoflow.commands.api.DomainRuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a group robot may be: news goes out to the robots of WeCom and DingTalk, never into the servers'
 * own network. A robot's address is {@code https} to a host named in {@code expoflow.notifications.robot-hosts}
 * (by default {@code qyapi.weixin.qq.com} and {@code oapi.dingtalk.com}); it is checked when ADMIN sets it and
 * again when the host is resolved for each delivery, where every address it resolves to must be public (not
 * loopback, private, link-local, the cloud's metadata address, multicast or reserved). An address written as
 * a number ({@code 0x7f000001}, {@code 2130706433}, {@code [::1]}) is never a robot's.
 * {@code expoflow.notifications.inner-robot-hosts} names hosts trusted wherever they resolve, over http too: a
 * robot relay on the office's own network, or a test's; none by default.
 */
@Component
public class RobotAddresses {

    /** What the deliveries list says of a delivery to an address not allowed: nothing of ports or connections. */
    public static final String REFUSED = "refused: address not allowed";

    private static final Pattern NUMERIC_HOST = Pattern.compile("^(\\[.*\\]|[0-9a-fA-FxX.:]+)$");

    private final Set<String> robotHosts;
    private final Set<String> innerHosts;

    public RobotAddresses(
            @Value("${expoflow.notifications.robot-hosts:qyapi.weixin.qq.com,oapi.dingtalk.com}") List<String> robotHosts,
            @Value("${expoflow.notifications.inner-robot-hosts:}") List<String> innerHosts) {
        this.robotHosts = normalised(robotHosts);
        this.innerHosts = normalised(innerHosts);
    }

    private static Set<String> normalised(List<String> hosts) {
        return hosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The robot's address as it is stored, or the refusal naming {@code url}. */
    public URI checked(String url) {
        URI address;
        try {
            address = url == null ? null : URI.create(url.strip());
        } catch (IllegalArgumentException notAnAddress) {
            address = null;
        }
        if (address == null || address.getHost() == null || address.getScheme() == null
                || !List.of("http", "https").contains(address.getScheme().toLowerCase(Locale.ROOT))) {
            throw DomainRuleViolation.invalid("url", "a group robot's webhook is an http(s) address, such as"
                    + " https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...").coded("webhookNotHttp", url == null ? "" : url);
        }
        if (!allowed(address)) {
            throw DomainRuleViolation.invalid("url", "a group robot's webhook is https to a robot host (" + String.join(", ",
                    robotHosts.stream().sorted().toList()) + "), not '" + url + "'").coded("webhookNotAllowed", url);
        }
        return address;
    }

    /** Whether the address, as written, may be a robot's: an inner host, or https to a robot host by name. */
    boolean allowed(URI address) {
        String host = host(address);
        if (host == null || address.getRawUserInfo() != null) {
            return false;
        }
        if (innerHosts.contains(host)) {
            return true;
        }
        return "https".equalsIgnoreCase(address.getScheme()) && !NUMERIC_HOST.matcher(host).matches()
                && robotHosts.contains(host);
    }

    /**
     * Whether a delivery may go to the address now: allowed as written, and every address its host resolves
     * to is public (an inner host excepted). A host that does not resolve is not refused here: the send fails
     * and is retried like any robot that is down.
     */
    public boolean reachable(URI address) {
        if (!allowed(address)) {
            return false;
        }
        String host = host(address);
        if (innerHosts.contains(host)) {
            return true;
        }
        try {
            for (InetAddress resolved : InetAddress.getAllByName(host)) {
                if (!isPublic(resolved)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException unresolved) {
            return true;
        }
    }

    private static String host(URI address) {
        String host = address.getHost();
        return host == null ? null : host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    }

    /** A unicast address on the public internet: none of the ranges a server's own network or its cloud uses. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && first < 224 // this network; multicast and reserved above
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)); // benchmarking
        }
        if (address instanceof Inet6Address) {
            // unique local addresses (fc00::/7), which hold the clouds' IPv6 metadata addresses too
            return (bytes[0] & 0xfe) != 0xfc;
        }
        return false;
    }
}

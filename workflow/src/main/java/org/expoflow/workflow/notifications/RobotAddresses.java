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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a group robot may be: news goes out to the robots of WeCom and DingTalk, never into the servers'
 * own network. A robot's address is {@code https} to a host named in {@code expoflow.notifications.robot-hosts}
 * (by default {@code qyapi.weixin.qq.com} and {@code oapi.dingtalk.com}); it is checked when ADMIN sets it and
 * again when the host is resolved for each delivery, where every address it resolves to must be public (not
 * loopback, private, link-local, the cloud's metadata address, multicast or reserved, nor an IPv6 address carrying
 * such an IPv4 one), and the delivery connects only to the addresses so checked. An address written as
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
    private final HostLookup lookup;

    /** How a host name is resolved: the system's resolver, or a test's. */
    @FunctionalInterface
    interface HostLookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    /** A robot's host resolved, as it is about to be connected to, to an address not allowed. */
    static final class AddressRefused extends UnknownHostException {
        AddressRefused(String host) {
            super(REFUSED + " (" + host + ")");
        }
    }

    @Autowired
    public RobotAddresses(
            @Value("${expoflow.notifications.robot-hosts:qyapi.weixin.qq.com,oapi.dingtalk.com}") List<String> robotHosts,
            @Value("${expoflow.notifications.inner-robot-hosts:}") List<String> innerHosts) {
        this(robotHosts, innerHosts, InetAddress::getAllByName);
    }

    RobotAddresses(List<String> robotHosts, List<String> innerHosts, HostLookup lookup) {
        this.robotHosts = normalised(robotHosts);
        this.innerHosts = normalised(innerHosts);
        this.lookup = lookup;
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
        try {
            resolved(host(address));
            return true;
        } catch (AddressRefused refused) {
            return false;
        } catch (UnknownHostException unresolved) {
            return true;
        }
    }

    /**
     * The addresses a robot's host resolves to, for the connection to use and no other: resolved once, as it is
     * connected to, so that a name answering a public address when checked and a private one a moment later (DNS
     * rebinding) is never connected to inside. {@link AddressRefused} when any of them is not public (an inner host
     * excepted).
     */
    InetAddress[] resolved(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        InetAddress[] addresses = lookup.all(name);
        if (!innerHosts.contains(name)) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new AddressRefused(name);
                }
            }
        }
        return addresses;
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
            Inet4Address embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                return isPublic(embedded);
            }
            // unique local addresses (fc00::/7), which hold the clouds' IPv6 metadata addresses too
            return (bytes[0] & 0xfe) != 0xfc;
        }
        return false;
    }

    /**
     * The IPv4 address an IPv6 one carries, and leads to through a translator or a tunnel: IPv4-mapped
     * ({@code ::ffff:a.b.c.d}) and -compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}, and the local-use
     * {@code 64:ff9b:1::/48} in its last 32 bits), 6to4 ({@code 2002:AABB:CCDD::/48}); null for none.
     */
    private static Inet4Address embeddedIpv4(byte[] bytes) {
        int from;
        if (allZero(bytes, 0, 10) && ((bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff || allZero(bytes, 10, 12))) {
            from = 12;
        } else if ((bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                && (allZero(bytes, 4, 12) || (bytes[4] & 0xff) == 0x00 && (bytes[5] & 0xff) == 0x01)) {
            from = 12;
        } else if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
            from = 2;
        } else {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}

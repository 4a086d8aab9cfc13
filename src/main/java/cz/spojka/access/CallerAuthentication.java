package cz.spojka.access;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated caller as Spring Security holds it: the {@link Caller} is the principal, and the authorities are
 * its role and every role below it ({@code ROLE_ADMIN} also has {@code ROLE_OPERATOR} and {@code ROLE_READER}), so
 * that a rule names the least role a path needs. The credential itself is not kept.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(authorities(caller.role()));
        this.caller = caller;
        setAuthenticated(true);
    }

    static String authority(Role role) {
        return "ROLE_" + role.name();
    }

    private static List<GrantedAuthority> authorities(Role role) {
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.PUBLIC && role.includes(r))
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(authority(r)))
                .toList();
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.credential();
    }
}

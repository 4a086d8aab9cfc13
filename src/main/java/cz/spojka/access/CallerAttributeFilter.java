package cz.spojka.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's {@link Caller} on the request ({@link Caller#REQUEST_ATTRIBUTE}) once Spring Security has
 * authenticated it, whichever way (API key, bearer token, none), so that the data channels ask {@link Caller#of}
 * and need not know Spring Security.
 */
final class CallerAttributeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        Caller caller = authentication != null && authentication.getPrincipal() instanceof Caller known
                ? known
                : Caller.ANONYMOUS;
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }
}

package cz.spojka.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

class ApiRolesTest {

    /** A handler mapping of a controller: its method and path, the path's variables filled in. */
    record Handler(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyApiHandlerNeedsMoreThanThePublicRole() {
        List<Handler> apis = handlers().stream()
                .filter(handler -> handler.path().startsWith("/api/"))
                .toList();

        assertThat(apis).as("the /api handlers found").hasSizeGreaterThan(20);
        assertThat(apis)
                .allSatisfy(handler -> assertThat(ApiRoles.required(request(handler.method(), handler.path())))
                        .as("%s", handler)
                        .isNotEqualTo(Role.PUBLIC));
    }

    @Test
    void anApiNoRuleNamesIsForTheAdminOnly() {
        assertThat(ApiRoles.required(request("POST", "/api/forgotten/42"))).isEqualTo(Role.ADMIN);
        assertThat(ApiRoles.required(request("GET", "/api"))).isEqualTo(Role.ADMIN);
    }

    @Test
    void theDataChannelsStayOpenToEveryone() {
        for (String path : List.of("/sparql", "/data/uredni-deska.csv", "/graph/uredni-deska/00007064", "/events")) {
            assertThat(ApiRoles.required(request("GET", path))).as(path).isEqualTo(Role.PUBLIC);
        }
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }

    /** Every @RequestMapping of the hub's controllers, as Spring MVC maps them. */
    private static List<Handler> handlers() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(
                (reader, factory) -> reader.getAnnotationMetadata().hasMetaAnnotation(Controller.class.getName())
                        || reader.getAnnotationMetadata().hasAnnotation(Controller.class.getName()));
        List<Handler> handlers = new ArrayList<>();
        for (BeanDefinition controller : scanner.findCandidateComponents("cz.spojka")) {
            Class<?> type = ClassUtils.resolveClassName(controller.getBeanClassName(), null);
            RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            List<String> prefixes = onType == null || onType.path().length == 0 ? List.of("") : List.of(onType.path());
            for (Method method : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                List<String> paths = mapping.path().length == 0 ? List.of("") : List.of(mapping.path());
                List<String> methods = mapping.method().length == 0
                        ? List.of("GET", "POST", "PUT", "DELETE")
                        : Arrays.stream(mapping.method())
                                .map(RequestMethod::name)
                                .toList();
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        String concrete = (prefix + path).replaceAll("\\{[^}]*}", "x");
                        methods.forEach(verb -> handlers.add(new Handler(verb, concrete)));
                    }
                }
            }
        }
        return handlers;
    }
}

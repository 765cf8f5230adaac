package dev.chatconnect.emulator.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The routes of one server, first match wins. Platforms register theirs after the port is known. */
final class Routes {

    private final List<HttpRoute> httpRoutes = new CopyOnWriteArrayList<>();
    private final List<WebSocketRoute> webSocketRoutes = new CopyOnWriteArrayList<>();

    void add(HttpRoute route) {
        httpRoutes.add(route);
    }

    void add(WebSocketRoute route) {
        webSocketRoutes.add(route);
    }

    Optional<HttpRoute> httpRoute(String path) {
        return httpRoutes.stream().filter(r -> r.handles(path)).findFirst();
    }

    Optional<WebSocketRoute> webSocketRoute(String path) {
        return webSocketRoutes.stream().filter(r -> r.handles(path)).findFirst();
    }
}

package dev.chatconnect.demo;

import dev.chatconnect.emulator.ChatEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A viewer who says "ping" in a random emulator channel every few seconds, so the echo bot has something to answer. */
final class PingingViewer implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-pinging-viewer");
        thread.setDaemon(true);
        return thread;
    });

    PingingViewer(ChatEmulator emulator) {
        Random random = new Random();
        long osuViewer = emulator.osu().addUser("demo_viewer");
        List<Runnable> pings = new ArrayList<>();
        for (long id : emulator.mixer().channelIds()) {
            pings.add(() -> emulator.mixer().channel(id).postMessage("demo_viewer", 4242, "!ping"));
        }
        for (long id : emulator.osu().channelIds()) {
            // osu! never delivers other users' "!commands": on osu! the viewer says it plainly
            pings.add(() -> emulator.osu().channel(id).postMessage(osuViewer, "ping", false));
        }
        timer.scheduleAtFixedRate(() -> pings.get(random.nextInt(pings.size())).run(), 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

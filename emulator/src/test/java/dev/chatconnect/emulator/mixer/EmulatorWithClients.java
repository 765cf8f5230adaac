package dev.chatconnect.emulator.mixer;

import dev.chatconnect.emulator.ChatEmulator;
import dev.chatconnect.emulator.EmulatorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh emulator per test (seeded by the subclass) and the chat clients the test opened, closed after it. */
abstract class EmulatorWithClients {
    protected ChatEmulator emulator;
    protected MixerEmulator mixer;
    private final List<ChatTestClient> clients = new ArrayList<>();

    /** The seed of the emulator's random traffic, so each test class sees the same data on every run. */
    protected abstract long seed();

    @BeforeEach
    void startEmulator() {
        emulator = ChatEmulator.start(EmulatorOptions.builder().seed(seed()).build());
        mixer = emulator.mixer();
    }

    @AfterEach
    void stopEmulator() {
        clients.forEach(ChatTestClient::close);
        emulator.close();
    }

    protected ChatTestClient track(ChatTestClient client) {
        clients.add(client);
        return client;
    }
}

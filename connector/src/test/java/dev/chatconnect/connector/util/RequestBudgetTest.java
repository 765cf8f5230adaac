package dev.chatconnect.connector.util;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    @Test
    void theRequestPastTheLimitWaitsForTheWindowToSlide() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            RequestBudget budget = new RequestBudget(3, Duration.ofMillis(400), timer);
            assertTrue(budget.acquire().isDone());
            assertTrue(budget.acquire().isDone());
            assertTrue(budget.acquire().isDone());
            CompletableFuture<Void> fourth = budget.acquire();
            assertFalse(fourth.isDone(), "a fourth request within the window waits");
            fourth.get(2, TimeUnit.SECONDS);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aPauseHoldsBackEveryRequest() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            RequestBudget budget = new RequestBudget(100, Duration.ofMinutes(1), timer);
            budget.pause(Duration.ofMillis(300));
            CompletableFuture<Void> next = budget.acquire();
            assertFalse(next.isDone());
            next.get(2, TimeUnit.SECONDS);
        } finally {
            timer.shutdownNow();
        }
    }
}

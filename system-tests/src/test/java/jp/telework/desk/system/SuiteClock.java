package jp.telework.desk.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the stack before the first test class and prints how long the stack start, each class and
 * the whole suite took (the suite's clock closes with JUnit's root context, after the last class).
 */
final class SuiteClock implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SuiteClock.class);

    /** Marks a system test class: one stack for all of them, timed. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(SuiteClock.class)
    @interface SystemTest {
    }

    private static final class Suite implements AutoCloseable {
        final long started = System.nanoTime();

        @Override
        public void close() {
            long total = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[suite] system tests finished in %.1f s (stack start %.1f s, tests %.1f s)%n", total / 1000.0,
                    SystemStack.startMillis() / 1000.0, (total - SystemStack.startMillis()) / 1000.0);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NS).computeIfAbsent(Suite.class, k -> new Suite(), Suite.class);
        SystemStack.get();
        context.getStore(NS).put("class-start", System.nanoTime());
        System.out.println("[suite] " + context.getRequiredTestClass().getSimpleName() + " starting");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Long start = context.getStore(NS).get("class-start", Long.class);
        if (start != null) {
            System.out.printf("[suite] %s finished in %.1f s%n", context.getRequiredTestClass().getSimpleName(),
                    (System.nanoTime() - start) / 1e9);
        }
    }
}

package jp.telework.desk.infra.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BuildOwnerTest {

    @Test
    void parallelBuildsAreRecognized() {
        assertTrue(BuildOwner.parallel(new String[] {"-B", "-T", "2", "verify"}));
        assertTrue(BuildOwner.parallel(new String[] {"-T2C", "verify"}));
        assertTrue(BuildOwner.parallel(new String[] {"--threads=4", "verify"}));
        assertFalse(BuildOwner.parallel(new String[] {"-B", "-Dtest=Foo", "-Tx", "verify", "-pl", "gateway"}));
    }

    @Test
    void underMavenTheOwnerIsTheMavenJvm() {
        BuildOwner owner = BuildOwner.find();
        boolean underMaven = ProcessHandle.current().parent().stream()
                .flatMap(p -> java.util.stream.Stream.iterate(p, h -> h.parent().orElse(null)).takeWhile(h -> h != null))
                .anyMatch(h -> h.info().commandLine().orElse("").contains(BuildOwner.MAVEN_MAIN));
        assertEquals(underMaven, owner.maven());
        if (!underMaven) {
            assertEquals(ProcessHandle.current().pid(), owner.pid());
        } else {
            assertTrue(ProcessHandle.of(owner.pid()).orElseThrow().info().commandLine().orElseThrow().contains(BuildOwner.MAVEN_MAIN));
        }
        assertTrue(owner.alive());
    }

    @Test
    void anEndedProcessOrAReusedPidIsNotTheOwner() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        try {
            BuildOwner owner = BuildOwner.of(p.pid(), BuildOwner.startMillis(p.toHandle()));
            assertTrue(owner.alive());
            assertFalse(BuildOwner.of(p.pid(), BuildOwner.startMillis(p.toHandle()) - 60_000).alive(),
                    "another start time is another process");
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            assertFalse(owner.alive());
        } finally {
            p.destroyForcibly();
        }
    }
}

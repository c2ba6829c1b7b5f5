package jp.telework.desk.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import jp.telework.desk.deploy.support.Repo;
import jp.telework.desk.deploy.support.ServiceConfig;

/**
 * The four services' Deployments in every overlay: probes, resources, security context, their
 * Service/HPA/PDB, the environment each service reads, and the images the build produces.
 * {@link WorkloadRules} holds the rules; the tests at the end show that each rule can fail.
 */
class WorkloadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceModuleHasExactlyOneDeploymentAndNothingElseIsDeployedByUs(String overlay) {
        Set<String> deployed = Manifests.of(overlay).of(Deployment.class).stream()
                .map(d -> d.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Repo.SERVICES), deployed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentFollowsTheRules(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployment d : m.of(Deployment.class)) {
            problems.addAll(WorkloadRules.check(d, m));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void prodRunsAtLeastTwoReplicasOfEveryServiceAndNeverScalesBelowTwo() {
        Manifests prod = Manifests.of("prod");
        for (Deployment d : prod.of(Deployment.class)) {
            String name = d.getMetadata().getName();
            assertTrue(d.getSpec().getReplicas() >= 2, name + " replicas " + d.getSpec().getReplicas());
            HorizontalPodAutoscaler hpa = prod.named(HorizontalPodAutoscaler.class, name).orElseThrow();
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, name + " HPA minReplicas " + hpa.getSpec().getMinReplicas());
        }
    }

    @Test
    void imagesAreTheOnesTheBuildTags() {
        String version = Repo.projectVersion();
        for (String overlay : List.of("dev", "prod")) {
            for (Deployment d : Manifests.of(overlay).of(Deployment.class)) {
                String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
                String built = Repo.image(d.getMetadata().getName());
                assertTrue(image.equals(built) || image.endsWith("/" + built),
                        overlay + ": " + image + " is not (a registry copy of) " + built);
                assertTrue(image.endsWith(":" + version), image);
            }
        }
        assertEquals("telework-desk/contact-point-service:" + version,
                Manifests.of("dev").named(Deployment.class, "contact-point-service").orElseThrow()
                        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    }

    // ---- each rule can fail ------------------------------------------------------------------------------

    @Test
    void aMissingProbeIsReported() {
        assertReported(d -> container(d).setStartupProbe(null), "startupProbe");
        assertReported(d -> container(d).getReadinessProbe().getHttpGet().setPath("/q/health/live"), "/q/health/ready");
        assertReported(d -> container(d).getLivenessProbe().getHttpGet().setPort(new IntOrString("http")), "management port");
    }

    @Test
    void missingResourcesOrRequestsAboveLimitsAreReported() {
        assertReported(d -> container(d).getResources().getLimits().remove("memory"), "memory");
        assertReported(d -> container(d).getResources().getRequests().put("cpu", new Quantity("2")), "cpu");
    }

    @Test
    void aWeakSecurityContextIsReported() {
        assertReported(d -> d.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(false),
                "runAsNonRoot");
        assertReported(d -> container(d).getSecurityContext().setReadOnlyRootFilesystem(false), "readOnlyRootFilesystem");
        assertReported(d -> container(d).getSecurityContext().setAllowPrivilegeEscalation(true),
                "allowPrivilegeEscalation");
        assertReported(d -> container(d).getSecurityContext().getCapabilities().setDrop(List.of("NET_RAW")), "ALL");
        assertReported(d -> container(d).setVolumeMounts(List.of()), "/tmp");
    }

    @Test
    void aMissingVariableOrAnUnknownOneIsReported() {
        assertReported(d -> container(d).setEnv(List.of()), "QUARKUS_DATASOURCE_PASSWORD");
        assertReported(d -> container(d).getEnv().add(new io.fabric8.kubernetes.api.model.EnvVar(
                "QUARKUS_DATASOURCE_JDBC_URLL", "x", null)), "QUARKUS_DATASOURCE_JDBC_URLL");
        assertReported(d -> container(d).getEnvFrom().remove(0), "QUARKUS_HTTP_HOST");
    }

    @Test
    void aSelectorThatMissesThePodsIsReported() {
        assertReported(d -> d.getSpec().getTemplate().getMetadata().getLabels()
                .put("app.kubernetes.io/name", "renamed"), "Service");
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static void assertReported(java.util.function.Consumer<Deployment> mutation, String mentioned) {
        Manifests prod = Manifests.of("prod");
        Deployment original = prod.named(Deployment.class, "contact-point-service").orElseThrow();
        assertTrue(WorkloadRules.check(original, prod).isEmpty(), "the original is fine");
        Deployment copy = StrictKubernetes.MAPPER.convertValue(
                StrictKubernetes.MAPPER.valueToTree(original), Deployment.class);
        mutation.accept(copy);
        List<String> problems = WorkloadRules.check(copy, prod);
        assertFalse(problems.isEmpty(), "not reported: " + mentioned);
        assertTrue(problems.stream().anyMatch(p -> p.contains(mentioned)), problems.toString());
    }

    /** The rules every Deployment of ours meets. */
    static final class WorkloadRules {

        private static final Map<String, String> PROBES = Map.of(
                "startupProbe", "/q/health/started",
                "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");

        private WorkloadRules() {
        }

        static List<String> check(Deployment d, Manifests m) {
            String name = d.getMetadata().getName();
            List<String> problems = new ArrayList<>();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (!Manifests.selects(d.getSpec().getSelector(), podLabels)) {
                problems.add(name + ": the Deployment's selector does not select its own pods");
            }
            if (pod.getContainers().size() != 1) {
                problems.add(name + ": expected one container, found " + pod.getContainers().size());
                return problems;
            }
            Container c = pod.getContainers().get(0);
            ContainerPort http = c.getPorts() == null ? null : c.getPorts().stream()
                    .filter(p -> "http".equals(p.getName())).findFirst().orElse(null);
            if (http == null || http.getContainerPort() != 8080) {
                problems.add(name + ": needs container port 'http' 8080 (every service listens on 8080 in a container)");
            }
            ContainerPort management = c.getPorts() == null ? null : c.getPorts().stream()
                    .filter(p -> "management".equals(p.getName())).findFirst().orElse(null);
            if (management == null || management.getContainerPort() != 9000) {
                problems.add(name + ": needs container port 'management' 9000 (health and metrics, off the API port)");
            }

            // probes
            for (Map.Entry<String, String> e : PROBES.entrySet()) {
                Probe probe = switch (e.getKey()) {
                    case "startupProbe" -> c.getStartupProbe();
                    case "readinessProbe" -> c.getReadinessProbe();
                    default -> c.getLivenessProbe();
                };
                if (probe == null || probe.getHttpGet() == null) {
                    problems.add(name + ": no HTTP " + e.getKey());
                    continue;
                }
                if (!e.getValue().equals(probe.getHttpGet().getPath())) {
                    problems.add(name + ": " + e.getKey() + " must GET " + e.getValue() + ", not "
                            + probe.getHttpGet().getPath());
                }
                if (!targetsPort(probe.getHttpGet().getPort(), management)) {
                    problems.add(name + ": " + e.getKey() + " port " + probe.getHttpGet().getPort()
                            + " is not the container's management port");
                }
            }

            // resources
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = c.getResources() == null || c.getResources().getRequests() == null ? null
                        : c.getResources().getRequests().get(resource);
                Quantity limit = c.getResources() == null || c.getResources().getLimits() == null ? null
                        : c.getResources().getLimits().get(resource);
                if (request == null || limit == null) {
                    problems.add(name + ": needs a " + resource + " request and limit");
                } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                    problems.add(name + ": " + resource + " request " + request + " exceeds the limit " + limit);
                }
            }

            // security
            PodSecurityContext psc = pod.getSecurityContext();
            if (psc == null || !Boolean.TRUE.equals(psc.getRunAsNonRoot()) || psc.getRunAsUser() == null
                    || psc.getRunAsUser() == 0) {
                problems.add(name + ": pod must set runAsNonRoot: true and a non-zero runAsUser");
            }
            if (psc == null || psc.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(psc.getSeccompProfile().getType())) {
                problems.add(name + ": pod must use the RuntimeDefault seccomp profile");
            }
            SecurityContext sc = c.getSecurityContext();
            if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                problems.add(name + ": allowPrivilegeEscalation must be false");
            }
            if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                problems.add(name + ": readOnlyRootFilesystem must be true");
            }
            if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                    || !sc.getCapabilities().getDrop().contains("ALL")
                    || (sc.getCapabilities().getAdd() != null && !sc.getCapabilities().getAdd().isEmpty())) {
                problems.add(name + ": must drop ALL capabilities and add none");
            }
            if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
                problems.add(name + ": must not be privileged");
            }
            VolumeMount tmp = c.getVolumeMounts() == null ? null : c.getVolumeMounts().stream()
                    .filter(v -> "/tmp".equals(v.getMountPath())).findFirst().orElse(null);
            Volume tmpVolume = tmp == null || pod.getVolumes() == null ? null : pod.getVolumes().stream()
                    .filter(v -> v.getName().equals(tmp.getName())).findFirst().orElse(null);
            if (tmpVolume == null || tmpVolume.getEmptyDir() == null) {
                problems.add(name + ": /tmp must be a writable emptyDir (the root filesystem is read-only)");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(name + ": must not mount a service account token (it never calls the Kubernetes API)");
            }
            if (pod.getServiceAccountName() == null
                    || m.named(ServiceAccount.class, pod.getServiceAccountName()).isEmpty()) {
                problems.add(name + ": its ServiceAccount " + pod.getServiceAccountName() + " is not rendered");
            }

            // Service, HPA, PDB
            List<Service> services = m.of(Service.class).stream()
                    .filter(s -> Manifests.selects(s.getSpec().getSelector(), podLabels)).toList();
            if (services.size() != 1) {
                problems.add(name + ": expected one Service selecting its pods, found " + services.size());
            } else {
                Service s = services.get(0);
                if (!name.equals(s.getMetadata().getName())) {
                    problems.add(name + ": its Service is named " + s.getMetadata().getName());
                }
                for (ServicePort port : s.getSpec().getPorts()) {
                    if (!targetsPort(port.getTargetPort(), http)) {
                        problems.add(name + ": Service port " + port.getPort() + " targets " + port.getTargetPort());
                    }
                }
                for (Deployment other : m.of(Deployment.class)) {
                    if (!other.getMetadata().getName().equals(name) && Manifests.selects(s.getSpec().getSelector(),
                            other.getSpec().getTemplate().getMetadata().getLabels())) {
                        problems.add(name + ": its Service also selects " + other.getMetadata().getName());
                    }
                }
            }
            HorizontalPodAutoscaler hpa = m.of(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && "apps/v1".equals(h.getSpec().getScaleTargetRef().getApiVersion())
                            && name.equals(h.getSpec().getScaleTargetRef().getName()))
                    .findFirst().orElse(null);
            if (hpa == null) {
                problems.add(name + ": no HorizontalPodAutoscaler targets it");
            } else {
                int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
                if (min > hpa.getSpec().getMaxReplicas()) {
                    problems.add(name + ": HPA minReplicas " + min + " > maxReplicas");
                }
                for (MetricSpec metric : hpa.getSpec().getMetrics()) {
                    if (metric.getResource() != null && "Utilization".equals(metric.getResource().getTarget().getType())
                            && (c.getResources() == null || c.getResources().getRequests() == null
                            || !c.getResources().getRequests().containsKey(metric.getResource().getName()))) {
                        problems.add(name + ": HPA scales on " + metric.getResource().getName()
                                + " utilization, which needs a request");
                    }
                }
                Integer replicas = d.getSpec().getReplicas();
                if (replicas != null && (replicas < min || replicas > hpa.getSpec().getMaxReplicas())) {
                    problems.add(name + ": replicas " + replicas + " outside the HPA's range");
                }
            }
            List<PodDisruptionBudget> pdbs = m.of(PodDisruptionBudget.class).stream()
                    .filter(p -> Manifests.selects(p.getSpec().getSelector(), podLabels)).toList();
            if (pdbs.size() != 1) {
                problems.add(name + ": expected one PodDisruptionBudget selecting its pods, found " + pdbs.size());
            } else {
                PodDisruptionBudget pdb = pdbs.get(0);
                for (Deployment other : m.of(Deployment.class)) {
                    if (!other.getMetadata().getName().equals(name) && Manifests.selects(pdb.getSpec().getSelector(),
                            other.getSpec().getTemplate().getMetadata().getLabels())) {
                        problems.add(name + ": its PDB also selects " + other.getMetadata().getName());
                    }
                }
                if (pdb.getSpec().getMaxUnavailable() == null
                        || pdb.getSpec().getMaxUnavailable().getIntVal() == null
                        || pdb.getSpec().getMaxUnavailable().getIntVal() < 1) {
                    problems.add(name + ": the PDB must allow one voluntary disruption (maxUnavailable >= 1), "
                            + "or node drains block");
                }
            }

            // environment
            problems.addAll(environment(name, c, m));
            return problems;
        }

        static List<String> environment(String name, Container c, Manifests m) {
            List<String> problems = new ArrayList<>();
            ServiceConfig config = ServiceConfig.of(name);
            ContainerEnvironment env = ContainerEnvironment.of(c, m);
            env.problems().forEach(p -> problems.add(name + ": " + p));
            Set<String> provided = env.variables().keySet();
            config.requiredVariables().forEach((variable, why) -> {
                if (!provided.contains(variable)) {
                    problems.add(name + ": " + variable + " is not set (" + why + ")");
                }
            });
            for (String variable : provided) {
                if (!config.knownVariables().contains(variable)) {
                    problems.add(name + ": sets " + variable + ", which the service does not read");
                }
            }
            env.variables().values().forEach(v -> v.value().ifPresent(value -> {
                if (ServiceConfig.pointsAtLoopback(value)
                        && !(v.name().equals("QUARKUS_HTTP_CORS_ORIGINS") && !m.isProd())) {
                    problems.add(name + ": " + v.name() + "=" + value + " points at the pod itself");
                }
            }));
            if (!env.value("QUARKUS_HTTP_HOST").map("0.0.0.0"::equals).orElse(false)) {
                problems.add(name + ": QUARKUS_HTTP_HOST must be 0.0.0.0");
            }
            if (!env.value("QUARKUS_HTTP_PORT").map("8080"::equals).orElse(false)) {
                problems.add(name + ": QUARKUS_HTTP_PORT must be 8080, the container port the Service targets");
            }
            if (!env.value("QUARKUS_MANAGEMENT_HOST").map("0.0.0.0"::equals).orElse(false)) {
                problems.add(name + ": QUARKUS_MANAGEMENT_HOST must be 0.0.0.0 (the kubelet probes the pod's address)");
            }
            if (!env.value("QUARKUS_MANAGEMENT_PORT").map("9000"::equals).orElse(false)) {
                problems.add(name + ": QUARKUS_MANAGEMENT_PORT must be 9000, the container port the probes use");
            }
            if (config.hasDatabase()) {
                env.value("QUARKUS_DATASOURCE_JDBC_URL").ifPresent(url -> {
                    if (!config.databaseName().equals(ServiceConfig.databaseOf(url))) {
                        problems.add(name + ": connects to database " + ServiceConfig.databaseOf(url)
                                + ", the service's is " + config.databaseName());
                    }
                });
            }
            return problems;
        }

        private static boolean targetsPort(IntOrString port, ContainerPort http) {
            if (port == null || http == null) {
                return false;
            }
            return port.getStrVal() != null ? port.getStrVal().equals(http.getName())
                    : port.getIntVal() != null && port.getIntVal().equals(http.getContainerPort());
        }
    }

    @Test
    void theServiceConfigurationIsReadFromTheModules() {
        ServiceConfig cps = ServiceConfig.of("contact-point-service");
        assertEquals("contact_points", cps.databaseName());
        assertTrue(cps.requiredVariables().containsKey("KAFKA_BOOTSTRAP_SERVERS"), cps.requiredVariables().toString());
        assertTrue(cps.requiredVariables().containsKey("QUARKUS_OIDC_AUTH_SERVER_URL"));
        ServiceConfig gateway = ServiceConfig.of("gateway");
        assertFalse(gateway.hasDatabase());
        assertNotNull(gateway.requiredVariables().get("TELEWORK_UPSTREAMS_CONTACT_POINTS"),
                gateway.requiredVariables().toString());
    }
}

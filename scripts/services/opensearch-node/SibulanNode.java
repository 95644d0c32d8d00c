// A single-node OpenSearch for SIBULAN's tests and benchmarks, run in a plain JVM from the Maven Central jars
// that scripts/services/opensearch collects. Usage (the script does this):
//   java -cp "classes:lib/*" SibulanNode HOME HTTP_PORT TRANSPORT_PORT
// HOME holds config/, data/ and logs/. Binds 127.0.0.1 only. Stops cleanly on SIGTERM.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

public class SibulanNode extends Node {
    static final String NODE_NAME = "sibulan-test";

    static final String[] PLUGINS = {
        "org.opensearch.transport.Netty4Plugin",
        "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "org.opensearch.painless.PainlessPlugin",
        "org.opensearch.index.reindex.ReindexPlugin",
        "org.opensearch.index.mapper.MapperExtrasPlugin",
    };

    SibulanNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(environment, plugins, true);
    }

    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
        // The standalone server registers a listener that sets the node id in the logging context; not needed here.
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SibulanNode HOME HTTP_PORT TRANSPORT_PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path config = Files.createDirectories(home.resolve("config"));
        Settings settings = Settings.builder()
            .put("node.name", NODE_NAME)
            .put("cluster.name", "sibulan")
            .put("path.home", home.toString())
            .put("path.data", Files.createDirectories(home.resolve("data")).toString())
            .put("path.logs", Files.createDirectories(home.resolve("logs")).toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", args[1])
            .put("transport.port", args[2])
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            .put("logger.level", System.getProperty("sibulan.log.level", "INFO"))
            .build();
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);

        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        for (String name : PLUGINS) {
            // Class.forName: a missing jar fails here, loudly, instead of a silently absent feature.
            plugins.add(Class.forName(name).asSubclass(Plugin.class));
        }

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> NODE_NAME);
        SibulanNode node = new SibulanNode(environment, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        node.start();
        System.out.println("SibulanNode started: http://127.0.0.1:" + args[1]);
        stopped.await();
    }
}

package shout.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allowed arrows between shout's packages, checked on the compiled main code of all three modules (tests
 * may use anything): a wrong import fails the build here. docs/architecture.md draws the same picture; a
 * change to one is a change to both.
 */
class LayeringTest {

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        // The client's test class path holds every module's main classes, and the servers' test jar, which is left out.
        ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        mainClasses = new ClassFileImporter().withImportOption(mainOnly).importPackages("shout");
    }

    /** A package in no layer (a new mode's, say) fails too: it must be placed before it can be checked. */
    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().ensureAllClassesAreContainedInArchitecture()
                .layer("App").definedBy("shout.app..")
                .layer("Compare").definedBy("shout.compare..")
                .layer("Merge").definedBy("shout.merge..")
                .layer("Chat").definedBy("shout.chat..")
                .layer("Load").definedBy("shout.load..")
                .layer("ServerCommand").definedBy("shout.server.app..")
                .layer("ServerOptions").definedBy("shout.server.options..")
                .layer("Metrics").definedBy("shout.server.metrics..")
                .layer("Blocking").definedBy("shout.server.blocking..")
                .layer("Nio").definedBy("shout.server.nio..")
                .layer("Netty").definedBy("shout.server.netty..")
                .layer("EventLoopWork").definedBy("shout.server.work..")
                .layer("ServerSupport").definedBy("shout.server.support..")
                .layer("ServerApi").definedBy("shout.server")
                .layer("Cli").definedBy("shout.cli..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Compare").mayOnlyAccessLayers("Load", "ServerApi", "ServerOptions", "Cli")
                .whereLayer("Merge").mayOnlyAccessLayers("Load", "Cli")
                .whereLayer("Chat").mayOnlyAccessLayers("Cli")
                .whereLayer("Load").mayOnlyAccessLayers("Cli")
                .whereLayer("ServerCommand").mayOnlyAccessLayers("ServerOptions", "Metrics", "Blocking", "Nio", "Netty",
                        "EventLoopWork", "ServerSupport", "ServerApi", "Cli")
                .whereLayer("ServerOptions").mayOnlyAccessLayers("ServerApi", "Cli")
                .whereLayer("Metrics").mayOnlyAccessLayers("ServerApi", "Cli")
                .whereLayer("Blocking").mayOnlyAccessLayers("ServerSupport", "ServerApi", "Cli")
                .whereLayer("Nio").mayOnlyAccessLayers("EventLoopWork", "ServerSupport", "ServerApi", "Cli")
                .whereLayer("Netty").mayOnlyAccessLayers("EventLoopWork", "ServerSupport", "ServerApi", "Cli")
                .whereLayer("EventLoopWork").mayOnlyAccessLayers("ServerSupport", "ServerApi", "Cli")
                .whereLayer("ServerSupport").mayOnlyAccessLayers("ServerApi", "Cli")
                .whereLayer("ServerApi").mayOnlyAccessLayers("Cli")
                .whereLayer("Cli").mayNotAccessAnyLayer()
                .check(mainClasses);
    }

    @Test
    void theServerApiIsUsableWithoutTheCommandLine() {
        noClasses().that().resideInAPackage("shout.server")
                .should().transitivelyDependOnClassesThat().resideInAPackage("picocli..")
                .because("the server API is what tests and other programs embed; option parsing belongs to the commands")
                .check(mainClasses);
    }

    @Test
    void onlyTheNettyModeUsesNetty() {
        noClasses().that().resideOutsideOfPackage("shout.server.netty..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(mainClasses);
    }

    @Test
    void noPackageCycles() {
        slices().matching("shout.(**)").should().beFreeOfCycles().check(mainClasses);
    }
}

package io.credbridge.architecture;

import io.credbridge.CredBridgeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleBoundariesTest {

    @Test
    void featurePackagesUseEachOtherOnlyThroughWhatTheyExposeAndFormNoCycle() {
        ApplicationModules.of(CredBridgeApplication.class).verify();
    }
}

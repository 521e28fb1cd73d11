package io.credbridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    @Test
    void itsSignaturesAreTheBytesTheJdksOwnEd25519GivesForTheSameSeedAndData() throws Exception {
        Random random = new Random(42);
        for (int key = 0; key < 5; key++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            SigningKey signingKey = SigningKey.fromSeed("did:example:issuer#key-" + key, seed);
            for (int length : new int[] {0, 1, 64, 1000}) {
                byte[] data = new byte[length];
                random.nextBytes(data);

                assertThat(signingKey.sign(data)).isEqualTo(jdkSignature(seed, data));
            }
        }
    }

    @Test
    void oneKeySigningFromManyThreadsAtOnceGivesEachThreadTheSignatureOfItsOwnData() throws Exception {
        SigningKey signingKey = SigningKey.fromSeed("did:example:issuer#key-1", new byte[32]);
        List<byte[]> data = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] each = ("credential " + i).getBytes(StandardCharsets.UTF_8);
            data.add(each);
            expected.add(jdkSignature(new byte[32], each));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> signed = new ArrayList<>();
            for (byte[] each : data) {
                signed.add(threads.submit(() -> signingKey.sign(each)));
            }
            for (int i = 0; i < signed.size(); i++) {
                assertThat(signed.get(i).get()).as("signature %d", i).isEqualTo(expected.get(i));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The JDK's Ed25519 (SunEC), an implementation independent of the one SigningKey uses. */
    private static byte[] jdkSignature(byte[] seed, byte[] data) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
        signature.update(data);
        return signature.sign();
    }
}

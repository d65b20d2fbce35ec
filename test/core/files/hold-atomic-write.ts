// Test fixture: opens an atomic write over argv[2], writes part of it, says "ready" and
// waits to be killed (the test sends the signal).
import { createAtomicWriteStream } from '../../../src/core/files/atomic-write';

const output = createAtomicWriteStream(process.argv[2]!);
output.stream.write('partial new content\n'.repeat(1000), () => process.stdout.write('ready\n'));
setInterval(() => undefined, 1000);

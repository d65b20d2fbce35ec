/** Classifies a stream of chunks, one chunk in the classifier while the next is read. */
import type { Classifier } from './classifier';
import type { Prediction, SequenceInput } from './prediction';

/**
 * Hands each chunk's predictions to `sink` in input order; the next chunk is read (and
 * parsed) while the current one is classified.
 * @throws the signal's reason when aborted, or the first error of reading, classifying or `sink`
 */
export async function classifyChunks(
  classifier: Pick<Classifier, 'classify'>,
  chunks: AsyncIterable<SequenceInput[]>,
  sink: (predictions: Prediction[]) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let previous: Promise<void> = Promise.resolve();
  try {
    for await (const chunk of chunks) {
      const predictions = classifier.classify(chunk, signal ? { signal } : {});
      predictions.catch(() => undefined);
      await previous;
      previous = predictions.then(sink);
    }
  } finally {
    // Settle the chunk in flight before returning or throwing, so no work outlives the call.
    await previous.catch(() => undefined);
  }
  await previous;
}

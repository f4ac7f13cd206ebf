// The default training corpus: our own written examples, generated ones (corpus-generator.ts) and CC BY 3.0
// CLINC150 rows (see data/nlu/README.md).
import clincExamples from '../../../data/nlu/clinc150-subset.json' with { type: 'json' };
import ownExamples from '../../../data/nlu/train.json' with { type: 'json' };
import { generateCorpus } from './corpus-generator';
import type { TrainingExample } from './model';

export const DEFAULT_TRAINING_EXAMPLES: TrainingExample[] = [...(ownExamples as TrainingExample[]), ...generateCorpus(), ...(clincExamples as TrainingExample[])];

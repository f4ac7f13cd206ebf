// The default training corpus: our own written examples plus CC BY 3.0 CLINC150 rows (see data/nlu/README.md).
import clincExamples from '../../../data/nlu/clinc150-subset.json' with { type: 'json' };
import ownExamples from '../../../data/nlu/train.json' with { type: 'json' };
import type { TrainingExample } from './model';

export const DEFAULT_TRAINING_EXAMPLES: TrainingExample[] = [...ownExamples, ...clincExamples] as TrainingExample[];

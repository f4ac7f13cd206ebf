// Whether a rating's comment tells of something that went wrong ("could not find hoops"), whatever the stars say.
import { detectConcerns } from './concerns';
import { normalizeText } from './normalize';

const NOT = String.raw`(?:not|never|no longer|hardly|barely)`;
const FAILED = new RegExp(
  String.raw`\b(?:(?:could|can|did|does|do|was|were|is|are|would|will|had|has|have)(?: ?not|n't)|cannot|unable to|failed to|${NOT}) (?:\w+ )?(?:find|get|help|helpful|work|working|answer|understand|see|load|show|reply|track|useful|what i|the (?:answer|piece|one)|good|great|clear|easy|fast)`,
);
const BAD = /\b(?:useless|unhelpful|pointless|confus\w*|slow|wrong|missing|broken|bug\w*|glitch\w*|error|annoy\w*|waste|bad|poor|rubbish|difficult|hard to|too (?:long|expensive|slow|many)|nothing (?:useful|helpful|like)|no (?:help|answer|luck|reply|way to|option)|did(?: ?not|n't) have|didnt|couldnt|cant find|waiting|still no|gave up|frustrat\w*)\b/;
// Praise that only looks like a complaint: "nothing wrong", "couldn't be happier", "not bad at all".
const PRAISE = /\b(?:nothing (?:wrong|bad)|no (?:problems?|issues?|complaints?)|not bad|(?:could|can)(?: ?not|n't) (?:be|have been) (?:happier|better|easier|more helpful)|could not fault|cant fault|can't fault)\b/g;

export function isComplaint(comment: string | null | undefined): boolean {
  if (!comment) return false;
  const text = normalizeText(comment).replace(PRAISE, ' ');
  return detectConcerns(text).feeling === 'upset' || FAILED.test(text) || BAD.test(text);
}

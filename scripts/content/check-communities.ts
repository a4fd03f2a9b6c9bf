/** Each case community points at its case-study chapter and at chapters of the interventions section; each <CommunityProfile id> names a community. */
import type { Community } from '../../common/content-schema.ts';
import type { ContentProblem } from './content-error.ts';
import type { LoadedChapter } from './load-chapter.ts';
import type { LoadedYaml } from './yaml-files.ts';

export function checkCommunities(
  communities: ReadonlyArray<LoadedYaml<Community>>,
  englishChapter: (id: string) => LoadedChapter | undefined,
  profileRefs: ReadonlyArray<{ file: string; line: number; id: string }>,
  problems: ContentProblem[],
): void {
  for (const { record: c, file, lineOf } of communities) {
    if (!englishChapter(c.caseChapter)) problems.push({ file, line: lineOf(['caseChapter']), message: `community field "caseChapter": no chapter "${c.caseChapter}"` });
    c.standout.forEach((id, i) => {
      if (englishChapter(id)?.frontmatter.section !== 'interventions') {
        problems.push({ file, line: lineOf(['standout', i]), message: `community field "standout[${i}]": "${id}" is not a chapter of the interventions section` });
      }
    });
  }
  const ids = new Set(communities.map((c) => c.record.id));
  for (const ref of profileRefs) {
    if (!ids.has(ref.id)) problems.push({ file: ref.file, line: ref.line, message: `<CommunityProfile id="${ref.id}">: no community in content/communities/` });
  }
}

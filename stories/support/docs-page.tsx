/**
 * The docs page of a main screen: the story with the designer's controls, then the full props
 * table of the component from its TypeScript types and TSDoc (react-docgen), then every story.
 * The full table is its own block because the Controls panel is limited to the designer's args
 * (`controls.include`), which Storybook applies to the story's arg types as a whole.
 */
import { ArgTypes, Controls, Description, Heading, Primary, Stories, Title, useOf } from '@storybook/addon-docs/blocks';

export function ScreenDocs() {
  const resolved = useOf('meta');
  const component = resolved.type === 'meta' ? resolved.preparedMeta.component : undefined;
  return (
    <>
      <Title />
      <Description />
      <Primary />
      <Controls />
      <Heading>Props</Heading>
      {component ? <ArgTypes of={component} /> : null}
      <Stories />
    </>
  );
}

import { Link } from 'react-router';
import { t } from '../../i18n';
import { useSession } from '../../session/use-session';

/**
 * "Góp ý công khai" on a regulation's public page while its association round is open: the
 * round's feedback form for those who may comment, else the way to sign up.
 */
export function PublicCommentBox({ roundId }: { roundId: string }) {
  const s = t().publicComments.box;
  const session = useSession();
  const role = session?.user.role;
  return (
    <section className="card" aria-labelledby="h-public-comment">
      <h2 id="h-public-comment">{s.title}</h2>
      <p>{s.intro}</p>
      <p>
        <Link className="button" to={`/gop-y/dot/${roundId}`}>
          {s.write}
        </Link>
      </p>
      {(!role || (role !== 'public' && role !== 'association')) && (
        <p>
          <Link to="/gop-y/dang-ky">{s.signUp}</Link>
        </p>
      )}
    </section>
  );
}
